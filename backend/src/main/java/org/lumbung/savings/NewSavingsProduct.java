package org.lumbung.savings;

import java.math.BigDecimal;

/** The command to create a savings product; see {@link SavingsProduct} for the meaning of the fields. */
public record NewSavingsProduct(String code, String nameEn, String nameId, SavingsKind kind, String currency,
                                String controlAccount, BigDecimal fixedAmount, BigDecimal mandatoryAmount,
                                BigDecimal minimumBalance, BigDecimal interestRate, InterestMethod interestMethod,
                                InterestPosting interestPosting, Integer termMonths, BigDecimal earlyPenaltyRate) {
}
