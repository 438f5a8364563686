package org.lumbung.savings;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;

/** The command to create a savings product; see {@link SavingsProduct} for the meaning of the fields. */
public record NewSavingsProduct(String code, String nameEn, String nameId, SavingsKind kind, String currency,
                                String controlAccount, @Nullable BigDecimal fixedAmount, @Nullable BigDecimal mandatoryAmount,
                                @Nullable BigDecimal minimumBalance, BigDecimal interestRate, InterestMethod interestMethod,
                                InterestPosting interestPosting, @Nullable Integer termMonths,
                                @Nullable BigDecimal earlyPenaltyRate) {
}
