package org.lumbung.ui.i18n;

import org.lumbung.fx.ExchangeRateService;
import org.lumbung.platform.DomainException;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * An exchange rate for people, in their language: shown grouped with exactly its own decimals (3,550.123456 in
 * English, 3.550,123456 in Indonesian), and read as they type it. Reading is strict: grouping is optional, but where
 * it is used its groups are of three digits, so "3550.12" typed on an Indonesian screen, where the point groups, is
 * refused instead of being read as 355,012.
 */
public final class Rates {

    private Rates() {
    }

    public static String format(BigDecimal rate, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(Math.max(0, rate.scale()));
        f.setMaximumFractionDigits(8);
        return f.format(rate);
    }

    /** The rate typed, checked by the FX feature's rule; refused with a translated reason. */
    public static BigDecimal parse(String text, Locale locale) {
        DomainException.require(text != null && !text.isBlank(), "fx.rate.missing");
        BigDecimal rate = TypedNumber.read(text.strip(), locale, 12, 12)
                .orElseThrow(() -> DomainException.invalid("rate.unreadable", example(locale)));
        return ExchangeRateService.requireRate(rate);
    }

    /** The rate typed, or empty when it cannot be read or breaks the FX feature's rule. */
    public static Optional<BigDecimal> tryParse(String text, Locale locale) {
        try {
            return Optional.of(parse(text, locale));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    private static String example(Locale locale) {
        return format(new BigDecimal("3550.123456"), locale);
    }
}
