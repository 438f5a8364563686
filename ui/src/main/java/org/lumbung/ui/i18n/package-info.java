/** The screens' translations and formats, and the language switch. */
@NullMarked
package org.lumbung.ui.i18n;

import org.jspecify.annotations.NullMarked;
