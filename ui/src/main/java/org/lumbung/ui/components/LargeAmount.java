package org.lumbung.ui.components;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import org.lumbung.ui.i18n.Formats;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * An amount far above the usual is booked only after the person confirms it, in a dialog that shows the
 * amount as it will be booked: an extra 000 is easy to type and is corrected only by a reversal.
 */
public final class LargeAmount {

    private LargeAmount() {
    }

    /** Runs {@code book} at once for an amount up to {@code limit}, else after the person confirms it. */
    public static void confirmAbove(Component owner, BigDecimal amount, BigDecimal limit, String currency, Runnable book) {
        if (limit == null || amount.compareTo(limit) <= 0) {
            book.run();
            return;
        }
        Locale locale = UI.getCurrent().getLocale();
        String shown = Formats.money(amount, currency, locale);
        Confirmation.ask(owner.getTranslation("amount.confirm.title"),
                owner.getTranslation("amount.confirm.text", shown, Formats.money(limit, currency, locale)),
                owner.getTranslation("amount.confirm.book", shown), owner.getTranslation("amount.confirm.correct"), book);
    }
}
