package org.lumbung.ledger;

import org.jooq.DSLContext;

import java.time.LocalDate;
import java.util.Map;

/**
 * The ledger's two proofs — the recomputed hash chain and the trial balance — read through a given
 * {@link DSLContext} instead of the application's: a backup writes them beside its dump from its own snapshot,
 * and a restore recomputes them from what it copied before it commits. Nothing is recorded, no role is checked:
 * the caller is the installation itself, connected as the database's owner.
 */
public final class LedgerCheck {

    private final DSLContext tx;

    private LedgerCheck(DSLContext tx) {
        this.tx = tx;
    }

    /** Reads through {@code tx}, which must be inside an open transaction (one snapshot for both proofs). */
    public static LedgerCheck within(DSLContext tx) {
        return new LedgerCheck(tx);
    }

    /** The cooperative's whole chain and maintained balances, as {@link ChainVerifier#verify(long)} finds them. */
    public ChainVerification chain(long cooperativeId) {
        return ChainVerifier.verifyWithin(tx, cooperativeId, null);
    }

    /** Per currency, the totals of the trial balance as of the end of {@code asOf} (the rolled-up one). */
    public Map<String, TrialBalance.Totals> trialBalance(long cooperativeId, LocalDate asOf) {
        return TrialBalance.totalsOf(new MaintainedTotals(tx).generalRows(cooperativeId, asOf, true));
    }
}
