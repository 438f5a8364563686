/** Screens of the ledger: journal, entries, chart, periods, approvals, trial balance, verification. */
@NullMarked
package org.lumbung.ui.ledger;

import org.jspecify.annotations.NullMarked;
