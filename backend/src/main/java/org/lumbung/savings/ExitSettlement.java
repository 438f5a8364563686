package org.lumbung.savings;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a member gets back when the membership ends: every savings balance, less what the member still
 * owes the cooperative (receivables such as loans in the member's name). Refused when the debt is larger
 * than the savings: it must be repaid first.
 */
public record ExitSettlement(long memberId, List<SavingsAccount> accounts, BigDecimal savings, List<Debt> debts,
                             BigDecimal owed, BigDecimal refund, String currency) {

    /** One receivable in the member's name with its balance. */
    public record Debt(String accountCode, String name, BigDecimal balance) {
    }
}
