/** The currency screens: exchange rates (grid, chart, entry, CSV import with a dry run, a chair's confirmations). */
@NullMarked
package org.lumbung.ui.fx;

import org.jspecify.annotations.NullMarked;
