package org.lumbung.loans.schedule;

import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Everything a schedule depends on, checked where it enters: a record that exists is a loan that can be
 * scheduled. Each refusal is a {@link DomainException} with a {@code loans.terms.<field>.*} key, so a caller
 * (the preview API) can tell which input was wrong.
 *
 * @param principal          the amount lent, positive, at most the currency's minor units, at most 10^15
 * @param currency           ISO 4217 code
 * @param ratePercent        the nominal rate in percent per {@code ratePeriod}: 0 to 100 % a month
 *                           (0 to 1200 % a year), at most {@value #MAX_RATE_DECIMALS} decimals
 * @param instalments        1 to {@value #MAX_INSTALMENTS}
 * @param disbursementDate   the start of the first period; {@link #defaultDisbursementDate} when the client has none
 * @param firstDueDate       after the disbursement date, at most {@value #MAX_FIRST_PERIOD_DAYS} days after it
 * @param graceOnPrincipal   the first instalments that repay no principal (interest only), 0 to instalments − 1
 * @param graceOnInterest    the first instalments that collect no interest: their interest is still charged and is
 *                           collected with the first instalment after the grace (Fineract's grace on interest
 *                           payment), 0 to instalments − 1
 * @param instalmentRounding the multiple every instalment but the last is rounded to (1 rupiah, 100 rupiah, 0.01);
 *                           positive, within the currency's minor units, at most the principal
 */
public record LoanTerms(BigDecimal principal, String currency, InterestMethod method, BigDecimal ratePercent,
                        RatePeriod ratePeriod, int instalments, RepaymentFrequency frequency,
                        LocalDate disbursementDate, LocalDate firstDueDate, int graceOnPrincipal,
                        int graceOnInterest, DayCount dayCount, BigDecimal instalmentRounding) {

    public static final int MAX_INSTALMENTS = 520;
    public static final int MAX_RATE_DECIMALS = 6;
    public static final BigDecimal MAX_RATE_PER_MONTH = BigDecimal.valueOf(100);
    public static final int MAX_FIRST_PERIOD_DAYS = 366;
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);

    /** The smallest cash unit where it differs from the ISO minor unit (no sen or satang coins circulate). */
    private static final Map<String, BigDecimal> CASH_UNITS = Map.of(
            "IDR", BigDecimal.ONE, "LAK", BigDecimal.ONE, "KHR", BigDecimal.valueOf(100),
            "THB", new BigDecimal("0.25"), "MYR", new BigDecimal("0.05"));

    public LoanTerms {
        requireCurrency(currency);
        requireNonNull(method, "loans.terms.method.missing");
        requireNonNull(ratePeriod, "loans.terms.rate-period.missing");
        requireNonNull(frequency, "loans.terms.frequency.missing");
        requireNonNull(dayCount, "loans.terms.day-count.missing");
        principal = requirePrincipal(principal, currency);
        requireRate(ratePercent, ratePeriod);
        DomainException.require(instalments >= 1 && instalments <= MAX_INSTALMENTS,
                "loans.terms.instalments.out-of-range", instalments, MAX_INSTALMENTS);
        requireDates(disbursementDate, firstDueDate, frequency, instalments);
        requireGrace(graceOnPrincipal, instalments, "loans.terms.grace-principal.out-of-range");
        requireGrace(graceOnInterest, instalments, "loans.terms.grace-interest.out-of-range");
        instalmentRounding = requireRounding(instalmentRounding, currency, principal);
    }

    /** One period before the first due date: a first period of regular length. */
    public static LocalDate defaultDisbursementDate(LocalDate firstDueDate, RepaymentFrequency frequency) {
        return frequency.plus(firstDueDate, -1);
    }

    /** The currency's cash unit: 1 rupiah, 1 kip, 100 riel, 0.25 baht, 0.05 ringgit, else its ISO minor unit. */
    public static BigDecimal defaultRounding(String currency) {
        BigDecimal cash = CASH_UNITS.get(currency);
        return cash != null ? cash : BigDecimal.ONE.movePointLeft(Amounts.minorUnits(currency));
    }

    /** The due date of the last instalment. */
    public LocalDate lastDueDate() {
        return frequency.dueDate(firstDueDate, instalments);
    }

    private static void requireCurrency(String currency) {
        try {
            Amounts.currency(currency);
        } catch (DomainException unknown) {
            throw DomainException.invalid("loans.terms.currency.unknown", String.valueOf(currency));
        }
    }

    private static void requireNonNull(Object value, String key) {
        DomainException.require(value != null, key);
    }

    private static BigDecimal requirePrincipal(BigDecimal principal, String currency) {
        DomainException.require(principal != null, "loans.terms.principal.missing");
        requirePositiveWithin(principal, Amounts.MAX_AMOUNT, Amounts.minorUnits(currency), "loans.terms.principal.invalid",
                currency);
        return principal.setScale(Amounts.minorUnits(currency), RoundingMode.UNNECESSARY);
    }

    private static void requireRate(BigDecimal rate, RatePeriod period) {
        DomainException.require(rate != null, "loans.terms.rate.missing");
        BigDecimal max = period == RatePeriod.MONTH ? MAX_RATE_PER_MONTH : MAX_RATE_PER_MONTH.multiply(BigDecimal.valueOf(12));
        boolean valid = rate.signum() >= 0 && rate.compareTo(max) <= 0
                && (rate.scale() <= MAX_RATE_DECIMALS || rate.stripTrailingZeros().scale() <= MAX_RATE_DECIMALS);
        DomainException.require(valid, "loans.terms.rate.out-of-range", Amounts.shown(rate), max, MAX_RATE_DECIMALS);
    }

    private static void requireDates(LocalDate disbursement, LocalDate firstDue, RepaymentFrequency frequency,
                                     int instalments) {
        DomainException.require(disbursement != null, "loans.terms.disbursement-date.missing");
        DomainException.require(firstDue != null, "loans.terms.first-due-date.missing");
        DomainException.require(!disbursement.isBefore(EARLIEST_DATE) && !disbursement.isAfter(LATEST_DATE),
                "loans.terms.disbursement-date.out-of-range", disbursement, EARLIEST_DATE, LATEST_DATE);
        long firstPeriod = ChronoUnit.DAYS.between(disbursement, firstDue);
        DomainException.require(firstPeriod >= 1 && firstPeriod <= MAX_FIRST_PERIOD_DAYS,
                "loans.terms.first-due-date.out-of-range", firstDue, disbursement, MAX_FIRST_PERIOD_DAYS);
        LocalDate last = frequency.dueDate(firstDue, instalments);
        DomainException.require(!last.isAfter(LATEST_DATE), "loans.terms.instalments.beyond-calendar", last, LATEST_DATE);
    }

    private static void requireGrace(int grace, int instalments, String key) {
        DomainException.require(grace >= 0 && grace < instalments, key, grace, instalments - 1);
    }

    private static BigDecimal requireRounding(BigDecimal multiple, String currency, BigDecimal principal) {
        DomainException.require(multiple != null, "loans.terms.rounding.missing");
        int digits = Amounts.minorUnits(currency);
        requirePositiveWithin(multiple, principal, digits, "loans.terms.rounding.invalid", currency);
        return multiple.setScale(digits, RoundingMode.UNNECESSARY);
    }

    /** Positive, at most {@code max} and at most {@code digits} decimals, checked without expanding the number. */
    private static void requirePositiveWithin(BigDecimal value, BigDecimal max, int digits, String key, String currency) {
        boolean valid = value.signum() > 0 && value.compareTo(max) <= 0
                && (value.scale() <= digits || value.stripTrailingZeros().scale() <= digits);
        DomainException.require(valid, key, Amounts.shown(value), Amounts.shown(max), digits, currency);
    }
}
