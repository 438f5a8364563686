/** Amounts: bounded, in the currency's minor units, never floating point. */
@NullMarked
package org.lumbung.platform.money;

import org.jspecify.annotations.NullMarked;
