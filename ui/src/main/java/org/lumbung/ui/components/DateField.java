package org.lumbung.ui.components;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.datepicker.DatePicker;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A date picker that speaks the reader's language: Vaadin's picker names months and weekdays in English whatever
 * the locale, so an Indonesian screen showed "December" and "Today". Months and weekdays come from the locale,
 * the buttons from the translations, the week starts on Monday. Dates read day first in both languages, never
 * in the US order: {@code 1 Dec 2026} in English, {@code 01/12/2026} in Indonesian (as Indonesians write it);
 * typing {@code 1/12/2026} or {@code 2026-12-01} works in both.
 */
public class DateField extends DatePicker {

    static final List<String> ENGLISH_FORMATS = List.of("d MMM yyyy", "d/M/yyyy", "yyyy-MM-dd");
    static final List<String> INDONESIAN_FORMATS = List.of("dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd");

    public DateField() {
        super();
    }

    public DateField(String label) {
        super(label);
    }

    public DateField(String label, LocalDate initialDate) {
        super(label, initialDate);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        Locale locale = attachEvent.getUI().getLocale();
        setI18n(i18n(locale));
    }

    private DatePickerI18n i18n(Locale locale) {
        List<String> formats = "id".equals(locale.getLanguage()) ? INDONESIAN_FORMATS : ENGLISH_FORMATS;
        return new DatePickerI18n()
                .setMonthNames(Arrays.stream(Month.values()).map(m -> m.getDisplayName(TextStyle.FULL_STANDALONE, locale)).toList())
                .setWeekdays(weekdays(TextStyle.FULL, locale))
                .setWeekdaysShort(weekdays(TextStyle.SHORT, locale))
                .setFirstDayOfWeek(1)
                .setToday(getTranslation("date.today"))
                .setCancel(getTranslation("action.cancel"))
                .setBadInputErrorMessage(getTranslation("date.bad-input"))
                .setRequiredErrorMessage(getTranslation("text.required"))
                .setMinErrorMessage(getTranslation("date.too-early"))
                .setMaxErrorMessage(getTranslation("date.too-late"))
                .setDateFormats(formats.get(0), formats.subList(1, formats.size()).toArray(String[]::new));
    }

    /** Sunday first, as the web component expects. */
    private static List<String> weekdays(TextStyle style, Locale locale) {
        return List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY, DayOfWeek.SATURDAY).stream().map(d -> d.getDisplayName(style, locale)).toList();
    }
}
