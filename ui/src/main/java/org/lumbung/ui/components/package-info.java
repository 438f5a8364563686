/** Components the screens share: amounts, figures, notifications, grids. */
@NullMarked
package org.lumbung.ui.components;

import org.jspecify.annotations.NullMarked;
