package org.lumbung.loans.schedule;

import org.jspecify.annotations.Nullable;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;

import java.math.BigDecimal;

/**
 * A product's late-payment penalty (denda keterlambatan).
 *
 * @param value     a percentage (0 to 100, at most 6 decimals) for the percent kinds, an amount for FIXED
 * @param graceDays the days after the due date that are free of penalty, 0 to 366
 * @param cap       the most one instalment can be charged in all, or null for no cap
 */
public record PenaltyRule(PenaltyKind kind, BigDecimal value, int graceDays, @Nullable BigDecimal cap) {

    public static final int MAX_GRACE_DAYS = 366;
    private static final BigDecimal MAX_PERCENT = BigDecimal.valueOf(100);

    public PenaltyRule {
        DomainException.require(kind != null, "loans.terms.penalty.kind-missing");
        boolean percent = kind != PenaltyKind.FIXED;
        DomainException.require(value != null && value.signum() >= 0
                        && value.compareTo(percent ? MAX_PERCENT : Amounts.MAX_AMOUNT) <= 0
                        && (value.scale() <= 6 || value.stripTrailingZeros().scale() <= 6),
                "loans.terms.penalty.value-out-of-range", value == null ? "null" : value.toString());
        DomainException.require(graceDays >= 0 && graceDays <= MAX_GRACE_DAYS,
                "loans.terms.penalty.grace-out-of-range", graceDays, MAX_GRACE_DAYS);
        DomainException.require(cap == null || cap.signum() >= 0
                        && cap.compareTo(Amounts.MAX_AMOUNT) <= 0
                        && (cap.scale() <= 6 || cap.stripTrailingZeros().scale() <= 6),
                "loans.terms.penalty.cap-out-of-range", String.valueOf(cap));
    }
}
