/** What every printed document of Lumbung shares. */
@NullMarked
package org.lumbung.platform.pdf;

import org.jspecify.annotations.NullMarked;
