package org.lumbung.platform.money;

import org.junit.jupiter.api.Test;
import org.lumbung.platform.DomainException;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AmountsTest {

    @Test
    void enteredAmountsCarryExactlyTheCurrencysMinorUnits() {
        assertThat(Amounts.requireEntered(new BigDecimal("150000"), "IDR").toPlainString()).isEqualTo("150000.00");
        assertThat(Amounts.requireEntered(new BigDecimal("1500.50"), "MYR").toPlainString()).isEqualTo("1500.50");
        assertThat(Amounts.requireEntered(new BigDecimal("9000"), "JPY").scale()).isZero();
        assertThat(Amounts.requireEntered(new BigDecimal("12.500"), "USD").toPlainString()).isEqualTo("12.50");
    }

    @Test
    void moreDecimalsThanTheCurrencyHasAreRefusedNeverRounded() {
        assertRefused("money.amount.too-many-decimals", new BigDecimal("0.001"), "IDR");
        assertRefused("money.amount.too-many-decimals", new BigDecimal("100.5"), "JPY");
        assertRefused("money.amount.not-positive", BigDecimal.ZERO, "IDR");
        assertRefused("money.amount.not-positive", new BigDecimal("-1"), "IDR");
        assertRefused("money.amount.too-large", new BigDecimal("1000000000000000.01"), "IDR");
        assertRefused("money.currency.unknown", BigDecimal.ONE, "XYZ");
    }

    @Test
    void hugeExponentsAreRefusedWithoutBeingWrittenOut() {
        assertRefused("money.amount.too-large", new BigDecimal("1e2147483600"), "IDR");
        assertRefused("money.amount.too-precise", new BigDecimal("1e-2147483600"), "IDR");
        assertRefused("money.amount.not-positive", new BigDecimal("-1e2147483600"), "IDR");
        assertThat(Amounts.shown(new BigDecimal("1e2147483600"))).isEqualTo("1E+2147483600");
        assertThat(Amounts.shown(new BigDecimal("1500.50"))).isEqualTo("1500.50");
        assertThatThrownBy(() -> Amounts.requireBounded(null))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("money.amount.missing"));
    }

    private static void assertRefused(String key, BigDecimal amount, String currency) {
        assertThatThrownBy(() -> Amounts.requireEntered(amount, currency))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    @Test
    void computedAmountsRoundHalfEven() {
        assertThat(Amounts.round(new BigDecimal("10.125"), "USD").toPlainString()).isEqualTo("10.12");
        assertThat(Amounts.round(new BigDecimal("10.135"), "USD").toPlainString()).isEqualTo("10.14");
        assertThat(Amounts.round(new BigDecimal("2.5"), "KRW").toPlainString()).isEqualTo("2");
    }
}
