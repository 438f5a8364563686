/** The audit pack over the API. */
@NullMarked
package org.lumbung.audit.pack.api;

import org.jspecify.annotations.NullMarked;
