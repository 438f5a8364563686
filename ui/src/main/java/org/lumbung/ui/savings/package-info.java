/** Screens of savings: passbook entry, products, arrears, interest. */
@NullMarked
package org.lumbung.ui.savings;

import org.jspecify.annotations.NullMarked;
