/**
 * Federations: secondary cooperatives of migrants' cooperatives across districts, and which cooperatives belong to
 * which. A federation's sign-in (role FEDERATION) reads its member cooperatives' outcomes and statements read-only,
 * like a district auditor; the administrator keeps the federations and their members.
 */
@NullMarked
package org.lumbung.federation;

import org.jspecify.annotations.NullMarked;
