package org.lumbung.loans.preview;

import org.jspecify.annotations.Nullable;
import org.lumbung.loans.schedule.DayCount;
import org.lumbung.loans.schedule.InterestMethod;
import org.lumbung.loans.schedule.LoanTerms;
import org.lumbung.loans.schedule.RatePeriod;
import org.lumbung.loans.schedule.RepaymentFrequency;
import org.lumbung.platform.DomainException;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The preview's query parameters, parsed strictly before anything is computed: each has a fixed shape (plain
 * decimals without exponent and with a bounded number of digits, ISO dates, exact enum names), an unknown or
 * repeated parameter is refused, and the checks of {@link LoanTerms} are reported against the parameter they
 * concern. No number is expanded before its digits are bounded.
 */
final class PreviewParameters {

    static final List<String> KNOWN = List.of("principal", "currency", "interestMethod", "rate", "ratePeriod",
            "instalments", "frequency", "firstDueDate", "graceInstalments", "interestGraceInstalments", "dayCount",
            "instalmentRounding", "disbursementDate");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,16}(\\.[0-9]{1,4})?");
    private static final Pattern RATE = Pattern.compile("[0-9]{1,4}(\\.[0-9]{1,6})?");
    private static final Pattern COUNT = Pattern.compile("[0-9]{1,3}");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern CHOICE = Pattern.compile("[A-Z0-9_]{1,40}");
    private static final int SHOWN_NAME = 40;
    /** Which parameter a refusal of the terms concerns, by the field in its message key (loans.terms.<field>.…). */
    private static final Map<String, String> PARAMETER_OF_FIELD = Map.ofEntries(
            Map.entry("principal", "principal"), Map.entry("currency", "currency"),
            Map.entry("method", "interestMethod"), Map.entry("rate", "rate"), Map.entry("rate-period", "ratePeriod"),
            Map.entry("instalments", "instalments"), Map.entry("frequency", "frequency"),
            Map.entry("first-due-date", "firstDueDate"), Map.entry("disbursement-date", "disbursementDate"),
            Map.entry("grace-principal", "graceInstalments"), Map.entry("grace-interest", "interestGraceInstalments"),
            Map.entry("day-count", "dayCount"), Map.entry("rounding", "instalmentRounding"));

    private final Map<String, String[]> query;

    PreviewParameters(Map<String, String[]> query) {
        this.query = query;
    }

    LoanTerms terms() {
        requireOnlyKnownOnce();
        String currency = text("currency", CURRENCY, "loans.schedule.preview.not-currency");
        RepaymentFrequency frequency = choice("frequency", RepaymentFrequency.class, null);
        LocalDate firstDue = date("firstDueDate", null);
        try {
            return new LoanTerms(decimal("principal", AMOUNT, null), currency,
                    choice("interestMethod", InterestMethod.class, null), decimal("rate", RATE, null),
                    choice("ratePeriod", RatePeriod.class, null), count("instalments", null), frequency,
                    date("disbursementDate", LoanTerms.defaultDisbursementDate(firstDue, frequency)), firstDue,
                    count("graceInstalments", 0), count("interestGraceInstalments", 0),
                    choice("dayCount", DayCount.class, DayCount.THIRTY_360),
                    decimal("instalmentRounding", AMOUNT, defaultRounding(currency)));
        } catch (DomainException refused) {
            String field = refused.messageKey().startsWith("loans.terms.") ? refused.messageKey().split("\\.")[2] : "";
            throw new PreviewParameterException(PARAMETER_OF_FIELD.getOrDefault(field, "currency"),
                    refused.messageKey(), refused.arguments());
        }
    }

    private static BigDecimal defaultRounding(String currency) {
        try {
            return LoanTerms.defaultRounding(currency);
        } catch (DomainException unknown) {
            throw new PreviewParameterException("currency", "loans.terms.currency.unknown", currency);
        }
    }

    private void requireOnlyKnownOnce() {
        for (Map.Entry<String, String[]> p : query.entrySet()) {
            String name = p.getKey().length() <= SHOWN_NAME ? p.getKey() : p.getKey().substring(0, SHOWN_NAME) + "…";
            if (!KNOWN.contains(p.getKey())) {
                throw new PreviewParameterException(name, "loans.schedule.preview.parameter-unknown", name);
            }
            if (p.getValue().length != 1) {
                throw new PreviewParameterException(name, "loans.schedule.preview.parameter-repeated", name);
            }
        }
    }

    /** The parameter's single value, or null when it is absent. */
    private @Nullable String raw(String name) {
        String[] values = query.get(name);
        return values == null ? null : values[0];
    }

    private String text(String name, Pattern shape, String invalidKey, Object... more) {
        String value = raw(name);
        if (value == null) {
            throw new PreviewParameterException(name, "loans.schedule.preview.parameter-missing", name);
        }
        if (!shape.matcher(value).matches()) {
            throw new PreviewParameterException(name, invalidKey, more.length > 0 ? new Object[] {name, more[0]} : new Object[] {name});
        }
        return value;
    }

    private <T> T optional(String name, @Nullable T fallback, Supplier<T> parse) {
        if (raw(name) == null && fallback != null) {
            return fallback;
        }
        return parse.get();
    }

    private BigDecimal decimal(String name, Pattern shape, @Nullable BigDecimal fallback) {
        return optional(name, fallback, () -> new BigDecimal(text(name, shape, "loans.schedule.preview.not-decimal",
                shape == AMOUNT ? "1500000 / 0.01" : "1.5")));
    }

    private Integer count(String name, @Nullable Integer fallback) {
        return optional(name, fallback, () -> Integer.valueOf(text(name, COUNT, "loans.schedule.preview.not-count")));
    }

    private LocalDate date(String name, @Nullable LocalDate fallback) {
        return optional(name, fallback, () -> {
            String value = text(name, DATE, "loans.schedule.preview.not-date");
            try {
                return LocalDate.parse(value);
            } catch (DateTimeException e) {
                throw new PreviewParameterException(name, "loans.schedule.preview.not-date", name);
            }
        });
    }

    private <E extends Enum<E>> E choice(String name, Class<E> type, @Nullable E fallback) {
        String names = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        return optional(name, fallback, () -> {
            String value = text(name, CHOICE, "loans.schedule.preview.not-choice", names);
            return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst()
                    .orElseThrow(() -> new PreviewParameterException(name, "loans.schedule.preview.not-choice",
                            name, names));
        });
    }
}
