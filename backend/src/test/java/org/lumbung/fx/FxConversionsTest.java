package org.lumbung.fx;

import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.DomainException;
import org.lumbung.testsupport.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;

import javax.money.MonetaryAmount;
import javax.money.convert.MonetaryConversions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The conversion rule: the exact product, rounded once half-even to the target currency's minor units. */
class FxConversionsTest extends DatabaseTest {

    static final LocalDate FRIDAY = LocalDate.of(2026, 11, 27);
    static final LocalDate SUNDAY = FRIDAY.plusDays(2);

    @Autowired
    FxConversions conversions;
    @Autowired
    ExchangeRateService rates;

    static String convert(String amount, String rate, String term) {
        return FxConversions.convert(new BigDecimal(amount), new BigDecimal(rate), term).toPlainString();
    }

    @Test
    void ringgitWithCentsTimesASixDecimalRateIsRoundedOnceHalfEvenToRupiah() {
        // 1,234.56 × 3,550.123456 = 4,382,840.41383936
        assertThat(convert("1234.56", "3550.123456", "IDR")).isEqualTo("4382840.41");
        // ties go to the even cent: 0.01 × 250.5 = 2.505 → 2.50, 0.03 × 250.5 = 7.515 → 7.52
        assertThat(convert("0.01", "250.5", "IDR")).isEqualTo("2.50");
        assertThat(convert("0.03", "250.5", "IDR")).isEqualTo("7.52");
    }

    @Test
    void wonAndYenHaveNoMinorUnits() {
        assertThat(convert("1500000", "11.6425", "IDR")).isEqualTo("17463750.00");
        assertThat(convert("12345", "104.8761", "IDR")).isEqualTo("1294695.45");
        // into won: 1,000,000 IDR at 1/11.6425 = 85,892.205… → KRW 85,892
        assertThat(convert("1000000", new BigDecimal(1).divide(new BigDecimal("11.6425"), java.math.MathContext.DECIMAL128)
                .toPlainString(), "KRW")).isEqualTo("85892");
        assertThat(convert("2.5", "1", "JPY")).isEqualTo("2");
    }

    /** Through Moneta's MonetaryConversions and the cooperative's own provider: Friday's rate serves Sunday. */
    @Test
    void monetaryConversionsUseTheCooperativesDatedRates() {
        Cooperative coop = newCooperative("v" + UUID.randomUUID().toString().substring(0, 8));
        rates.record(coop.id(), List.of(new NewRate("MYR", FRIDAY, new BigDecimal("3550.123456"), "BANK_INDONESIA"),
                new NewRate("KRW", FRIDAY, new BigDecimal("11.6425"), "BANK_INDONESIA")));

        MonetaryAmount idr = conversions.convert(coop.id(), Money.of(new BigDecimal("1234.56"), "MYR"), "IDR", SUNDAY);
        assertThat(idr.getCurrency().getCurrencyCode()).isEqualTo("IDR");
        assertThat(idr.getNumber().numberValue(BigDecimal.class).toPlainString()).isEqualTo("4382840.41");
        // ringgit into won through the rupiah: 4,382,840.41383936 / 11.6425 = 376,451.83 → KRW 376,452
        assertThat(conversions.convert(coop.id(), Money.of(new BigDecimal("1234.56"), "MYR"), "KRW", SUNDAY)
                .getNumber().numberValue(BigDecimal.class).toPlainString()).isEqualTo("376452");
        assertThat(conversions.convert(coop.id(), Money.of(new BigDecimal("1000000"), "IDR"), "KRW", SUNDAY)
                .getNumber().numberValue(BigDecimal.class).toPlainString()).isEqualTo("85892");
        assertThatThrownBy(() -> conversions.convert(coop.id(), Money.of(BigDecimal.ONE, "MYR"), "IDR", FRIDAY.minusDays(1)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("fx.rate.none"));
    }

    /** Moneta's ECB and IMF providers would fetch rates from the internet: they are not even on the class path. */
    @Test
    void noRateProviderReachesTheNetwork() {
        assertThat(MonetaryConversions.getConversionProviderNames()).contains(LumbungRateProvider.NAME)
                .noneMatch(name -> name.contains("ECB") || name.contains("IMF"));
        assertThatThrownBy(() -> Class.forName("org.javamoney.moneta.convert.ecb.ECBCurrentRateProvider"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.javamoney.moneta.convert.imf.IMFRateProvider"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void cashIsRoundedToTheCooperativesCashRounding() {
        Cooperative coop = newCooperative("w" + UUID.randomUUID().toString().substring(0, 8));
        assertThat(conversions.cash(coop.id(), new BigDecimal("4382840.51"), "IDR").toPlainString()).isEqualTo("4382840.51");
    }
}
