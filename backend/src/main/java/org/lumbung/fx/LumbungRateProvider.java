package org.lumbung.fx;

import org.javamoney.moneta.convert.ExchangeRateBuilder;
import org.javamoney.moneta.spi.AbstractRateProvider;
import org.javamoney.moneta.spi.DefaultNumberValue;
import org.jspecify.annotations.Nullable;
import org.lumbung.platform.DomainException;

import javax.money.CurrencyUnit;
import javax.money.convert.ConversionQuery;
import javax.money.convert.ExchangeRate;
import javax.money.convert.ProviderContextBuilder;
import javax.money.convert.RateType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Moneta's view of a cooperative's dated rates, so conversions go through {@code MonetaryConversions}: the query
 * names the cooperative ({@link #COOPERATIVE}) and the value date ({@code LocalDate}), and the rate is the one
 * {@link ExchangeRateService#rateOn} finds. Found by Moneta's ServiceLoader (META-INF/services); it reads the
 * rates through the running application's service, which {@link FxConversions} hands it at start. Nothing here
 * reaches a network: Moneta's ECB and IMF providers are not on the class path.
 */
public final class LumbungRateProvider extends AbstractRateProvider {

    public static final String NAME = "LUMBUNG";
    /** The conversion query's attribute naming the cooperative (a Long). */
    public static final String COOPERATIVE = "cooperativeId";

    /** A rate of a day for a cooperative: the lookup of {@link ExchangeRateService#rateOn}. */
    interface Rates {
        Optional<DatedRate> rateOn(long cooperativeId, String currency, LocalDate on);
    }

    private static volatile @Nullable Rates rates;

    public LumbungRateProvider() {
        super(ProviderContextBuilder.of(NAME, RateType.HISTORIC, RateType.DEFERRED)
                .set("providerDescription", "Lumbung: a cooperative's dated exchange rates").build());
    }

    static void use(Rates source) {
        rates = source;
    }

    /** base → term: both through the cooperative's currency (rate of the base over rate of the term; 1 for its own). */
    @Override
    public @Nullable ExchangeRate getExchangeRate(ConversionQuery query) {
        Long cooperativeId = query.get(COOPERATIVE, Long.class);
        LocalDate on = query.get(LocalDate.class);
        CurrencyUnit base = query.getBaseCurrency();
        CurrencyUnit term = query.getCurrency();
        Rates source = rates;
        if (cooperativeId == null || on == null || base == null || term == null || source == null) {
            return null;
        }
        BigDecimal baseRate = rate(source, cooperativeId, base, on);
        BigDecimal termRate = rate(source, cooperativeId, term, on);
        BigDecimal factor = termRate.compareTo(BigDecimal.ONE) == 0 ? baseRate : baseRate.divide(termRate, MathContext.DECIMAL128);
        return new ExchangeRateBuilder(NAME, RateType.HISTORIC).setBase(base).setTerm(term)
                .setFactor(DefaultNumberValue.of(factor)).build();
    }

    private static BigDecimal rate(Rates source, long cooperativeId, CurrencyUnit currency, LocalDate on) {
        return source.rateOn(cooperativeId, currency.getCurrencyCode(), on).map(DatedRate::rate)
                .orElseThrow(() -> DomainException.notFound("fx.rate.none", currency.getCurrencyCode(), on.toString()));
    }
}
