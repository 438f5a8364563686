/** Cooperatives, the tenants every record belongs to: founding, profile, chart template. */
@NullMarked
package org.lumbung.cooperative;

import org.jspecify.annotations.NullMarked;
