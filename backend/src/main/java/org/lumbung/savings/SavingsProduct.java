package org.lumbung.savings;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A savings product of a cooperative. {@code fixedAmount} is the share capital to pay once (SHARE),
 * {@code mandatoryAmount} the monthly mandatory saving (MANDATORY); {@code minimumBalance} is what a
 * voluntary account must keep; time deposits have a term and an early-withdrawal penalty (percent of the
 * principal, kept as an administration fee).
 */
public record SavingsProduct(long id, long cooperativeId, String code, String nameEn, String nameId, SavingsKind kind,
                             String currency, String controlAccount, @Nullable BigDecimal fixedAmount,
                             @Nullable BigDecimal mandatoryAmount,
                             BigDecimal minimumBalance, BigDecimal interestRate, InterestMethod interestMethod,
                             InterestPosting interestPosting, @Nullable Integer termMonths, @Nullable BigDecimal earlyPenaltyRate,
                             boolean active) {

    public String name(Locale locale) {
        return locale != null && "id".equals(locale.getLanguage()) ? nameId : nameEn;
    }
}
