package org.lumbung.reports;

import org.jspecify.annotations.Nullable;
import org.lumbung.platform.DomainException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One card of the dashboard, in the reader's language when the screen shows it: a title (a translation key of
 * the feature that contributes it), a value, an optional note (a key with values for its {0}, {1}…), and an
 * optional link to the screen where the treasurer acts on it (a route, e.g. {@code savings/arrears}).
 * {@code order} places it: 100s what happened today, 200s what waits for someone, 300s balances.
 */
public record DashboardFigure(String id, int order, String titleKey, Value value, @Nullable String noteKey,
                              List<Value> noteValues, @Nullable String link) {

    public DashboardFigure {
        DomainException.require(id != null && id.matches("[a-z0-9-]{1,64}") && titleKey != null && value != null,
                "dashboard.figure.invalid");
        noteValues = noteValues == null ? List.of() : List.copyOf(noteValues);
    }

    public static DashboardFigure of(String id, int order, String titleKey, Value value) {
        return new DashboardFigure(id, order, titleKey, value, null, List.of(), null);
    }

    public DashboardFigure note(String key, Value... values) {
        return new DashboardFigure(id, order, titleKey, value, key, List.of(values), link);
    }

    public DashboardFigure link(String route) {
        return new DashboardFigure(id, order, titleKey, value, noteKey, noteValues, route);
    }

    /** A figure's value, formatted by the screen in the reader's language. */
    public record Value(Kind kind, @Nullable BigDecimal number, @Nullable String currency, @Nullable LocalDate date,
                        @Nullable String textKey) {

        public enum Kind { MONEY, COUNT, PERCENT, DATE, TEXT, PLAIN }

        public static Value money(BigDecimal amount, String currency) {
            return new Value(Kind.MONEY, amount, currency, null, null);
        }

        public static Value count(long count) {
            return new Value(Kind.COUNT, BigDecimal.valueOf(count), null, null, null);
        }

        /** A percentage (62.5 for 62.5 %), shown with the reader's decimal separator. */
        public static Value percent(BigDecimal percent) {
            return new Value(Kind.PERCENT, percent, null, null, null);
        }

        public static Value date(LocalDate date) {
            return new Value(Kind.DATE, null, null, date, null);
        }

        /** Text shown as it is, in every language (a file name). */
        public static Value plain(String text) {
            return new Value(Kind.PLAIN, null, null, null, text);
        }

        /** A translated word or phrase (e.g. "none yet"). */
        public static Value text(String key) {
            return new Value(Kind.TEXT, null, null, null, key);
        }
    }
}
