package org.lumbung.ledger;

import java.math.BigDecimal;

/**
 * A caller's rule that depends on balances (minimum balance, share capital at most the product's amount,
 * a time deposit paid out whole; later loan limits, credit limits, stock). The ledger runs it inside the
 * posting transaction, after the cooperative's head and the entry's accounts are locked, with the
 * entry's lines already counted: so the balances it reads cannot change before the entry commits, and
 * two concurrent postings can never both pass a rule that only one of them may.
 *
 * <p>It refuses the entry by throwing a {@link org.lumbung.platform.DomainException}; its lines are then
 * taken back out. It must not touch the database (it runs while every posting of the cooperative waits).
 */
@FunctionalInterface
public interface Precondition {

    Precondition NONE = balances -> {
    };

    void check(LockedBalances balances);

    /** Both rules, this one first. */
    default Precondition and(Precondition next) {
        return balances -> {
            check(balances);
            next.check(balances);
        };
    }

    /** Under the head lock: the balances of the accounts one entry touches, on each account's normal side. */
    interface LockedBalances {

        /** Before this entry (after the entries before it in the same transaction). */
        BigDecimal before(String accountCode);

        /** After this entry. */
        BigDecimal after(String accountCode);
    }
}
