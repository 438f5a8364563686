/** A member's own page. */
@NullMarked
package org.lumbung.ui.my;

import org.jspecify.annotations.NullMarked;
