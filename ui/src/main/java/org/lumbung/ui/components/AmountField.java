package org.lumbung.ui.components;

import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * An amount typed the way the reader writes numbers: grouped as they type with the locale's separator
 * ("1.200.000" in Indonesian, "1,200,000" in English), the locale's decimal separator for cents. At most
 * 18 digits before the decimal separator; {@link #getAmount()} is null when the text is not an amount.
 */
public class AmountField extends TextField {

    private static final int MAX_DIGITS = 18;
    private boolean formatting;

    public AmountField(String label) {
        super(label);
        setAllowedCharPattern("[0-9.,]");
        setMaxLength(MAX_DIGITS + 10);
        setValueChangeMode(ValueChangeMode.LAZY);
        setValueChangeTimeout(250);
        addThemeName("align-right");
        addValueChangeListener(e -> {
            if (!formatting) {
                regroup();
            }
        });
    }

    private char grouping() {
        return DecimalFormatSymbols.getInstance(locale()).getGroupingSeparator();
    }

    private char decimal() {
        return DecimalFormatSymbols.getInstance(locale()).getDecimalSeparator();
    }

    private Locale locale() {
        return getLocale() == null ? Locale.ENGLISH : getLocale();
    }

    /** Rewrites the typed text with the locale's grouping; keeps what follows the decimal separator. */
    private void regroup() {
        String text = getValue();
        if (text == null || text.isEmpty()) {
            return;
        }
        int dec = text.indexOf(decimal());
        String whole = (dec < 0 ? text : text.substring(0, dec)).replace(String.valueOf(grouping()), "");
        if (!whole.matches("[0-9]*")) {
            return;
        }
        whole = whole.replaceFirst("^0+(?=\\d)", "");
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(grouping());
            }
            grouped.append(whole.charAt(i));
        }
        String result = grouped + (dec < 0 ? "" : text.substring(dec));
        if (!result.equals(text)) {
            formatting = true;
            try {
                setValue(result);
            } finally {
                formatting = false;
            }
        }
    }

    /** The amount, or null when empty or not a valid amount. */
    public BigDecimal getAmount() {
        String text = getValue() == null ? "" : getValue().strip();
        if (text.isEmpty()) {
            return null;
        }
        String plain = text.replace(String.valueOf(grouping()), "").replace(decimal(), '.');
        if (!plain.matches("[0-9]{1," + MAX_DIGITS + "}(\\.[0-9]{1,4})?")) {
            return null;
        }
        return new BigDecimal(plain);
    }

    /** Sets the amount, written in the locale (no grouping needed: it is added). */
    public void setAmount(BigDecimal amount) {
        if (amount == null) {
            clear();
            return;
        }
        setValue(amount.toPlainString().replace('.', decimal()));
    }
}
