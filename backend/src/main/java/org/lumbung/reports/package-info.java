/** Figures read across features: the dashboard. */
@NullMarked
package org.lumbung.reports;

import org.jspecify.annotations.NullMarked;
