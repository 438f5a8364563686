package org.lumbung.ui.i18n;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Optional;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A plain positive number as a person types it in her language (a rate, a quantity): digits, the decimal separator of
 * her language, and its grouping separator if she likes, in groups of three. Strict, so that "3550.12" typed on an
 * Indonesian screen, where the point groups, is refused instead of being read as 355,012, and "1.5" there is refused
 * instead of being read as one and a half or as fifteen.
 */
public final class TypedNumber {

    private TypedNumber() {
    }

    /** The number, or empty when the text is not one with at most those digits before and after the separator. */
    public static Optional<BigDecimal> read(String text, Locale locale, int integerDigits, int decimals) {
        if (text.length() > integerDigits + integerDigits / 3 + 1 + decimals) {
            return Optional.empty();
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        String grouping = Pattern.quote(String.valueOf(symbols.getGroupingSeparator()));
        String decimal = Pattern.quote(String.valueOf(symbols.getDecimalSeparator()));
        String plainInteger = "[0-9]{1," + integerDigits + "}";
        String groupedInteger = "[0-9]{1,3}(" + grouping + "[0-9]{3}){1," + Math.max(1, (integerDigits - 1) / 3) + "}";
        if (!text.matches("(" + plainInteger + "|" + groupedInteger + ")(" + decimal + "[0-9]{1," + decimals + "})?")) {
            return Optional.empty();
        }
        String plain = text.replace(String.valueOf(symbols.getGroupingSeparator()), "").replace(symbols.getDecimalSeparator(), '.');
        BigDecimal number = new BigDecimal(plain);
        return number.precision() - number.scale() > integerDigits ? Optional.empty() : Optional.of(number);
    }
}
