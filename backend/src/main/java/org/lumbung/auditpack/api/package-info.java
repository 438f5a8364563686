/** The audit pack over the API. */
@NullMarked
package org.lumbung.auditpack.api;

import org.jspecify.annotations.NullMarked;
