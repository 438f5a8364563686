package org.lumbung.ledger;

/**
 * A feature's rule on reversing the entries it posted (e.g. a year's closing entry once its surplus is distributed),
 * checked on every path a reversal takes: when it is asked for ({@link Approvals#requestReversal}) and again when it
 * is carried out, where the rule it returns runs under the ledger's locks with the reversal's lines. A guard bean is
 * found by type; entries it does not know pass with {@link Precondition#NONE}.
 */
public interface ReversalGuard {

    /**
     * Refuses the reversal of {@code original} now by throwing a {@link org.lumbung.platform.DomainException}, or
     * returns what it must still pass under the ledger's locks (reading only the accounts the entry touches).
     */
    Precondition check(JournalEntry original);

    /** Every guard's check, in order, as one rule. */
    static Precondition all(Iterable<ReversalGuard> guards, JournalEntry original) {
        Precondition rule = Precondition.NONE;
        for (ReversalGuard g : guards) {
            rule = rule.and(g.check(original));
        }
        return rule;
    }
}
