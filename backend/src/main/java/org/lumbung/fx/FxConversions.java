package org.lumbung.fx;

import org.javamoney.moneta.Money;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import javax.money.MonetaryAmount;
import javax.money.MonetaryContext;
import javax.money.MonetaryContextBuilder;
import javax.money.MonetaryException;
import javax.money.convert.ConversionQuery;
import javax.money.convert.ConversionQueryBuilder;
import javax.money.convert.CurrencyConversion;
import javax.money.convert.MonetaryConversions;

/**
 * Conversions between currencies. The rule: the converted amount is the exact product of the amount and the rate,
 * rounded once, half-even, to the minor units of the currency converted into (MYR 1,234.56 × 3,550.123456 =
 * 4,382,840.411… → IDR 4,382,840.41; KRW and JPY have no minor units). Cash paid out in the cooperative's currency
 * may be rounded further to the cooperative's cash rounding ({@link #cash}).
 */
@Service
@PreAuthorize("@access.may('READ_RATES')")
public class FxConversions {

    /** Exact arithmetic: Moneta's default (16 digits) could round a large amount times an 8-decimal rate. */
    private static final MonetaryContext EXACT = MonetaryContextBuilder.of(Money.class).setPrecision(0).build();

    private final ExchangeRateService rates;

    public FxConversions(ExchangeRateService rates) {
        this.rates = rates;
        LumbungRateProvider.use(rates::rateOn);
    }

    /** {@code amount × rate}, half-even to the minor units of {@code termCurrency}; the rule with a known rate. */
    public static BigDecimal convert(BigDecimal amount, BigDecimal rate, String termCurrency) {
        return Amounts.round(amount.multiply(rate), termCurrency);
    }

    /**
     * An amount in another currency at the cooperative's dated rate of the value date, through Moneta's
     * {@code MonetaryConversions} and the cooperative's rate provider; refused ({@code fx.rate.none}) when there is
     * no rate on or before that date.
     */
    public MonetaryAmount convert(long cooperativeId, MonetaryAmount amount, String termCurrency, LocalDate on) {
        DomainException.require(on != null, "fx.rate.date.missing");
        ConversionQuery query = ConversionQueryBuilder.of().setProviderName(LumbungRateProvider.NAME)
                .setTermCurrency(Amounts.currency(termCurrency)).set(LumbungRateProvider.COOPERATIVE, cooperativeId)
                .set(LocalDate.class, on).build();
        // MonetaryConversions.getConversion(query) would keep only the query's term currency, losing the
        // cooperative and the date: the provider it finds is asked with the whole query
        CurrencyConversion conversion = MonetaryConversions.getExchangeRateProvider(query).getCurrencyConversion(query);
        MonetaryAmount exact = Money.of(amount.getNumber().numberValue(BigDecimal.class), amount.getCurrency(), EXACT);
        MonetaryAmount converted;
        try {
            converted = exact.with(conversion);
        } catch (MonetaryException e) {
            // Moneta wraps what the provider refused: no rate on or before the date
            throw e.getCause() instanceof DomainException refusal ? refusal : e;
        }
        BigDecimal value = Amounts.round(converted.getNumber().numberValue(BigDecimal.class), termCurrency);
        return Money.of(value, converted.getCurrency());
    }

    /** A cash amount in the cooperative's currency rounded half-even to its cash rounding (whole rupiah when 0). */
    public BigDecimal cash(long cooperativeId, BigDecimal amount, String currency) {
        Integer digits = rates.settings(cooperativeId).cashMinorUnits();
        int minor = Amounts.minorUnits(currency);
        return amount.setScale(digits == null ? minor : Math.min(digits, minor), RoundingMode.HALF_EVEN).setScale(minor);
    }
}
