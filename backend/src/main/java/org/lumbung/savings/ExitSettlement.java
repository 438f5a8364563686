package org.lumbung.savings;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a member gets back when the membership ends: every savings balance with the interest it earned since a run
 * last paid it ({@code interest}, one line per account that earned any), less what the member still owes the
 * cooperative (receivables such as loans in the member's name) and the penalty of a time deposit not yet matured.
 * Refused when the debt is larger than the savings: it must be repaid first.
 */
public record ExitSettlement(long memberId, List<SavingsAccount> accounts, List<InterestLine> interest, BigDecimal savings,
                             List<Debt> debts, BigDecimal owed, List<Penalty> penalties, BigDecimal refund, String currency) {

    /** A time deposit paid out before maturity at the exit keeps the product's penalty, as at the counter. */
    public record Penalty(long accountId, String accountNumber, BigDecimal amount) {
    }

    /** Every early-payout penalty of the exit together. */
    public BigDecimal penalty() {
        return penalties.stream().map(Penalty::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The interest the account earned until the exit, zero when none. */
    public BigDecimal interestOf(SavingsAccount account) {
        return interest.stream().filter(l -> l.accountId() == account.id()).map(InterestLine::interest)
                .findFirst().orElse(BigDecimal.ZERO);
    }

    /** What leaves the account at the exit: its balance and its interest. */
    public BigDecimal paidOut(SavingsAccount account) {
        return account.balance().add(interestOf(account));
    }

    /** One receivable in the member's name with its balance. */
    public record Debt(String accountCode, String name, BigDecimal balance) {
    }
}
