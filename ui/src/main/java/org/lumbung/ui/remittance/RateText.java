package org.lumbung.ui.remittance;

import org.lumbung.fx.ExchangeRateService;
import org.lumbung.platform.DomainException;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;

/**
 * A rate as a person types it in her language ("3.550,123456" in Indonesian, "3,550.123456" in English, grouping
 * optional): at most 24 characters, digits and the two separators only, then the FX feature's rule for a rate.
 */
final class RateText {

    private RateText() {
    }

    static Optional<BigDecimal> parse(String text, Locale locale) {
        if (text == null || text.length() > 24) {
            return Optional.empty();
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        String grouping = String.valueOf(symbols.getGroupingSeparator());
        String decimal = String.valueOf(symbols.getDecimalSeparator());
        String plain = text.strip().replace(grouping, "").replace(decimal, ".");
        if (!plain.matches("[0-9]{1,12}(\\.[0-9]{1,12})?")) {
            return Optional.empty();
        }
        try {
            return Optional.of(ExchangeRateService.requireRate(new BigDecimal(plain)));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }
}
