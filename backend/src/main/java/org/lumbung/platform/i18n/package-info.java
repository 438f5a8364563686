/** Translated messages of every feature's bundles, and money in words and figures. */
@NullMarked
package org.lumbung.platform.i18n;

import org.jspecify.annotations.NullMarked;
