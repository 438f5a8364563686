/** The dashboard screen. */
@NullMarked
package org.lumbung.ui.dashboard;

import org.jspecify.annotations.NullMarked;
