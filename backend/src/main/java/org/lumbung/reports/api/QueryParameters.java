package org.lumbung.reports.api;

import org.jspecify.annotations.Nullable;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A report's query parameters, read strictly: only the named ones, each at most once, each of a fixed shape
 * (ISO dates, a currency code, a four-digit year); anything else is a {@link ParameterException} naming the
 * parameter, answered as a 400 problem.
 */
final class QueryParameters {

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final int SHOWN_NAME = 40;

    private final Map<String, String[]> query;

    QueryParameters(Map<String, String[]> query, String... known) {
        this.query = query;
        List<String> names = List.of(known);
        for (Map.Entry<String, String[]> p : query.entrySet()) {
            String name = p.getKey().length() <= SHOWN_NAME ? p.getKey() : p.getKey().substring(0, SHOWN_NAME) + "…";
            if (!names.contains(p.getKey())) {
                throw new ParameterException(name, "reports.parameter.unknown", name);
            }
            if (p.getValue().length != 1) {
                throw new ParameterException(name, "reports.parameter.repeated", name);
            }
        }
    }

    private @Nullable String raw(String name) {
        String[] values = query.get(name);
        return values == null ? null : values[0];
    }

    /** An ISO date, or the fallback when the parameter is absent (null: required). */
    LocalDate date(String name, @Nullable LocalDate fallback) {
        String value = raw(name);
        if (value == null && fallback != null) {
            return fallback;
        }
        require(name, value, DATE, "reports.parameter.not-date");
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw new ParameterException(name, "reports.parameter.not-date", name);
        }
    }

    String currency(String name, String fallback) {
        String value = raw(name);
        if (value == null) {
            return fallback;
        }
        require(name, value, CURRENCY, "reports.parameter.not-currency");
        return value;
    }

    /** A four-digit year, required. */
    int year(String name) {
        String value = raw(name);
        require(name, value, YEAR, "reports.parameter.not-year");
        return Integer.parseInt(value);
    }

    private static void require(String name, @Nullable String value, Pattern shape, String invalidKey) {
        if (value == null) {
            throw new ParameterException(name, "reports.parameter.missing", name);
        }
        if (!shape.matcher(value).matches()) {
            throw new ParameterException(name, invalidKey, name);
        }
    }
}
