/** The audit pack screen: a cooperative's books for a period in one ZIP an outsider can verify. */
@NullMarked
package org.lumbung.ui.auditpack;

import org.jspecify.annotations.NullMarked;
