package org.lumbung.savings;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A member's savings account: a sub-account of the product's control account in the ledger, whose
 * balance is the ledger's (never stored here). Time deposits carry their principal and maturity.
 */
public record SavingsAccount(long id, long cooperativeId, long memberId, SavingsProduct product, String number,
                             BigDecimal balance, boolean active, LocalDate openedOn, @Nullable LocalDate closedOn,
                             @Nullable BigDecimal principal, @Nullable LocalDate maturityOn) {

    public String currency() {
        return product.currency();
    }

    public SavingsKind kind() {
        return product.kind();
    }
}
