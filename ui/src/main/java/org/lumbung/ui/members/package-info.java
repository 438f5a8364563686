/** Screens of the member registry: list, member page, import, dialogs. */
@NullMarked
package org.lumbung.ui.members;

import org.jspecify.annotations.NullMarked;
