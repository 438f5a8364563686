/** The general ledger: chart of accounts and its templates, posting, the hash chain, periods, approvals, reads. */
@NullMarked
package org.lumbung.ledger;

import org.jspecify.annotations.NullMarked;
