package org.lumbung.ledger;

import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;

import java.math.BigDecimal;

/** Running debit and credit totals of a locked account while the entries of a transaction are checked. */
final class RunningTotals {

    final LockedAccount account;
    private BigDecimal debits;
    private BigDecimal credits;

    /** Starts from the account's maintained totals as read under the head lock. */
    RunningTotals(LockedAccount account) {
        this.account = account;
        this.debits = account.debitTotal();
        this.credits = account.creditTotal();
    }

    private RunningTotals(RunningTotals from) {
        this.account = from.account;
        this.debits = from.debits;
        this.credits = from.credits;
    }

    /** A copy to check further entries on, leaving these totals as they are should those be refused. */
    RunningTotals copy() {
        return new RunningTotals(this);
    }

    void add(Side side, BigDecimal amount) {
        if (side == Side.DEBIT) {
            debits = debits.add(amount);
        } else {
            credits = credits.add(amount);
        }
    }

    /** The balance on the account's normal side, as the totals stand now. */
    BigDecimal balance() {
        return Account.normalBalance(account.type(), debits, credits);
    }

    void requireWithinConstraint() {
        if (account.debitsMustNotExceedCredits() && debits.compareTo(credits) > 0) {
            throw DomainException.invalid("ledger.account.constraint.debit", account.code(),
                    Amounts.normalise(credits.subtract(debits), account.currency()).toPlainString(), account.currency());
        }
        if (account.creditsMustNotExceedDebits() && credits.compareTo(debits) > 0) {
            throw DomainException.invalid("ledger.account.constraint.credit", account.code(),
                    Amounts.normalise(debits.subtract(credits), account.currency()).toPlainString(), account.currency());
        }
    }
}
