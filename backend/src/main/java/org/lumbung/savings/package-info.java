/** Members' savings: products, accounts, deposits and withdrawals, interest, dues, exits, imports, receipts. */
@NullMarked
package org.lumbung.savings;

import org.jspecify.annotations.NullMarked;
