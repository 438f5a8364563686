package org.lumbung.ui.components;

import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The days a list or report covers, chosen as a first and a last day. A last day before the first, or (where both
 * are needed) an empty day, is refused on the spot: the field says why, in the reader's language, and the screen
 * keeps what it showed, where it used to keep the old period's rows under the new dates without a word.
 */
public class DateRange extends HorizontalLayout {

    /** A chosen period; where the range is open, an empty day ({@code null}) means no limit on that side. */
    public record Days(@Nullable LocalDate from, @Nullable LocalDate to) {

        /** The first day of a closed range, which always has one. */
        public LocalDate first() {
            return Objects.requireNonNull(from, "a closed range has its first day");
        }

        /** The last day of a closed range, which always has one. */
        public LocalDate last() {
            return Objects.requireNonNull(to, "a closed range has its last day");
        }
    }

    private final DateField from = new DateField();
    private final LastDay to = new LastDay();
    private final boolean bothNeeded;

    private DateRange(String id, String fromLabel, String toLabel, @Nullable LocalDate first, @Nullable LocalDate last,
                      boolean bothNeeded) {
        this.bothNeeded = bothNeeded;
        from.setId(id + "-from");
        from.setLabel(fromLabel);
        from.setValue(first);
        from.setRequiredIndicatorVisible(bothNeeded);
        to.setId(id + "-to");
        to.setLabel(toLabel);
        to.setValue(last);
        to.setRequiredIndicatorVisible(bothNeeded);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        setWrap(true); // on a phone the last day goes under the first
        add(from, to);
    }

    /** Both days must be chosen; the fields' ids are {@code id-from} and {@code id-to}. */
    public static DateRange closed(String id, String fromLabel, String toLabel, LocalDate first, LocalDate last) {
        return new DateRange(id, fromLabel, toLabel, first, last, true);
    }

    /** Either day may be left empty: no limit on that side. */
    public static DateRange open(String id, String fromLabel, String toLabel, @Nullable LocalDate first,
                                 @Nullable LocalDate last) {
        return new DateRange(id, fromLabel, toLabel, first, last, false);
    }

    /** Runs {@code load} with the new days whenever a day changes and the range is valid. */
    public void onChange(Consumer<Days> load) {
        from.addValueChangeListener(e -> days().ifPresent(load));
        to.addValueChangeListener(e -> days().ifPresent(load));
    }

    /**
     * The chosen days; empty when they make no period, each field then saying why (the picker's own messages for
     * an empty or unreadable day, the last-day field's for a last day before the first).
     */
    public Optional<Days> days() {
        to.check();
        boolean missing = bothNeeded && (from.getValue() == null || to.getValue() == null);
        return missing || from.isInvalid() || to.isInvalid() ? Optional.empty()
                : Optional.of(new Days(from.getValue(), to.getValue()));
    }

    public DateField from() {
        return from;
    }

    public DateField to() {
        return to;
    }

    /** The last-day picker: its own checks (required, readable), then that it is not before the first day. */
    private final class LastDay extends DateField {

        @Override
        public Validator<LocalDate> getDefaultValidator() {
            Validator<LocalDate> own = super.getDefaultValidator();
            return (last, context) -> {
                ValidationResult result = own.apply(last, context);
                LocalDate first = from.getValue();
                return result.isError() || last == null || first == null || !last.isBefore(first) ? result
                        : ValidationResult.error(getTranslation("date.range.order"));
            };
        }

        /** Checks again, as when the first day changes. */
        void check() {
            validate();
        }
    }
}
