package org.lumbung.platform.money;

import org.jspecify.annotations.Nullable;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.MoneyText;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An amount as a person types it, read strictly in their language: {@code 1.200.000,50} in Indonesian,
 * {@code 1,200,000.50} in English. Grouping is optional but, where used, in groups of three; at most the
 * currency's minor units; no sign, no exponent, no letters, at most {@link #MAX_LENGTH} characters. Anything
 * else is refused with a reason, never read as something else: a screen that quietly drops a {@code -} or
 * an {@code e} books a different amount than the one typed.
 */
public final class TypedAmount {

    /** Long enough for the largest amount (10^15) grouped with four decimals; bounds what is examined. */
    public static final int MAX_LENGTH = 30;

    private TypedAmount() {
    }

    /**
     * The amount typed, scaled to the currency's minor units; null for an empty text. Refuses
     * (DomainException, key {@code money.typed.*}) what does not read as an amount in {@code locale}.
     */
    public static @Nullable BigDecimal parse(@Nullable String typed, Locale locale, String currency) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return null;
        }
        DomainException.require(text.length() <= MAX_LENGTH, "money.typed.too-long", MAX_LENGTH);
        DomainException.require(text.charAt(0) != '-' && text.charAt(0) != '+', "money.typed.sign");
        DomainException.require(text.chars().noneMatch(Character::isLetter), "money.typed.letters");
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        char grouping = symbols.getGroupingSeparator();
        char decimal = symbols.getDecimalSeparator();
        int digits = Amounts.minorUnits(currency);
        DomainException.require(shape(grouping, decimal, Integer.MAX_VALUE).matcher(text).matches(),
                "money.typed.shape", example(locale, currency));
        DomainException.require(shape(grouping, decimal, digits).matcher(text).matches(),
                "money.typed.decimals", currency, digits);
        BigDecimal amount = new BigDecimal(text.replace(String.valueOf(grouping), "").replace(decimal, '.'));
        DomainException.require(amount.compareTo(Amounts.MAX_AMOUNT) <= 0, "money.typed.too-large",
                format(Amounts.MAX_AMOUNT, locale, currency));
        return amount.setScale(digits);
    }

    /** The amount written as {@link #parse} reads it back: grouped, with exactly the currency's minor units. */
    public static String format(BigDecimal amount, Locale locale, String currency) {
        return MoneyText.amount(amount, currency, locale);
    }

    /** Digits grouped by three with the grouping separator, or not grouped at all; then the decimals. */
    private static Pattern shape(char grouping, char decimal, int maxDecimals) {
        String g = Pattern.quote(String.valueOf(grouping));
        String d = Pattern.quote(String.valueOf(decimal));
        String decimals = maxDecimals == 0 ? "" : "(" + d + "[0-9]{1," + Math.min(maxDecimals, MAX_LENGTH) + "})?";
        return Pattern.compile("([0-9]{1,3}(" + g + "[0-9]{3})+|[0-9]+)" + decimals);
    }

    private static String example(Locale locale, String currency) {
        return format(new BigDecimal("1200000.5"), locale, currency);
    }
}
