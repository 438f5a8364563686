package org.lumbung.loans.api;

import org.jspecify.annotations.Nullable;
import org.lumbung.loans.NewLoanProduct;
import org.lumbung.loans.api.LoanApiModels.FeeBody;
import org.lumbung.loans.api.LoanApiModels.PenaltyBody;
import org.lumbung.loans.api.LoanApiModels.ProductBody;
import org.lumbung.loans.schedule.Fee;
import org.lumbung.loans.schedule.PenaltyRule;
import org.lumbung.platform.DomainException;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The loans API's numbers as they arrive: a decimal text of bounded length, unsigned, never an exponent
 * (so nothing expands before the services check it), and present where a service needs it.
 */
final class ApiInput {

    /** Up to 20 integer digits, optionally a point and up to 20 decimals. */
    private static final Pattern UNSIGNED_DECIMAL = Pattern.compile("[0-9]{1,20}(\\.[0-9]{1,20})?");

    private ApiInput() {
    }

    /** A required decimal (an amount, a rate); {@code missingKey} names what is missing. */
    static BigDecimal decimal(@Nullable String text, String missingKey) {
        DomainException.require(text != null, missingKey);
        DomainException.require(UNSIGNED_DECIMAL.matcher(text).matches(), "api.amount.malformed");
        return new BigDecimal(text);
    }

    static @Nullable BigDecimal optionalDecimal(@Nullable String text) {
        return text == null ? null : decimal(text, "money.amount.missing");
    }

    /** A required constant of an enum, by its exact name (at most 40 characters); {@code key} names the choice. */
    static <E extends Enum<E>> E choice(Class<E> type, @Nullable String text, String key) {
        DomainException.require(text != null && text.length() <= 40, key);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw DomainException.invalid(key);
    }

    static int whole(Integer value, String missingKey) {
        DomainException.require(value != null, missingKey);
        return value;
    }

    static NewLoanProduct product(ProductBody b) {
        DomainException.require(b != null, "api.body.missing");
        return new NewLoanProduct(b.code(), b.nameEn(), b.nameId(), b.currency(), b.interestMethod(),
                decimal(b.interestRate(), "loans.terms.rate.missing"), b.ratePeriod(), b.frequency(),
                whole(b.minInstalments(), "loans.product.instalments"), whole(b.maxInstalments(), "loans.product.instalments"),
                decimal(b.minAmount(), "money.amount.missing"), decimal(b.maxAmount(), "money.amount.missing"),
                b.graceOnPrincipal() == null ? 0 : b.graceOnPrincipal(), b.graceOnInterest() == null ? 0 : b.graceOnInterest(),
                b.dayCount(), optionalDecimal(b.instalmentRounding()), fee(b.fee()), penalty(b.penalty()),
                b.allocationOrder(), b.prepaymentRule(), Boolean.TRUE.equals(b.accruesInterest()),
                b.maxActiveLoans() == null ? 1 : b.maxActiveLoans(), optionalDecimal(b.requiredSavingsPercent()));
    }

    private static @Nullable Fee fee(@Nullable FeeBody f) {
        return f == null ? null : new Fee(f.kind(), decimal(f.value(), "money.amount.missing"), f.timing());
    }

    private static @Nullable PenaltyRule penalty(@Nullable PenaltyBody p) {
        return p == null ? null : new PenaltyRule(p.kind(), decimal(p.value(), "money.amount.missing"),
                p.graceDays() == null ? 0 : p.graceDays(), optionalDecimal(p.cap()));
    }
}
