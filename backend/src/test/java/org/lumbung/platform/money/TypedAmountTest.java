package org.lumbung.platform.money;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypedAmountTest {

    private static final Locale EN = Messages.ENGLISH;
    private static final Locale ID = Messages.INDONESIAN;

    @Test
    void readsAmountsWrittenTheWayEachLanguageWritesThem() {
        assertThat(TypedAmount.parse("1.200.000,50", ID, "IDR")).isEqualByComparingTo("1200000.50");
        assertThat(TypedAmount.parse("1,200,000.50", EN, "IDR")).isEqualByComparingTo("1200000.50");
        assertThat(TypedAmount.parse("1200000", ID, "IDR")).isEqualByComparingTo("1200000");
        assertThat(TypedAmount.parse(" 150000,5 ", ID, "IDR").toPlainString()).isEqualTo("150000.50");
        assertThat(TypedAmount.parse("1.200", ID, "IDR")).isEqualByComparingTo("1200");
        assertThat(TypedAmount.parse("1.20", EN, "IDR")).isEqualByComparingTo("1.2");
        assertThat(TypedAmount.parse("9,000", EN, "JPY").toPlainString()).isEqualTo("9000");
        assertThat(TypedAmount.parse("", EN, "IDR")).isNull();
        assertThat(TypedAmount.parse("   ", ID, "IDR")).isNull();
    }

    @Test
    void refusesWhatTheOldFieldQuietlyChangedIntoAnotherAmount() {
        assertRefused("-5", EN, "money.typed.sign");
        assertRefused("+5", ID, "money.typed.sign");
        assertRefused("1e15", EN, "money.typed.letters");
        assertRefused("1E5", ID, "money.typed.letters");
        assertRefused("12,34,56", EN, "money.typed.shape");
        assertRefused("12,34,56", ID, "money.typed.shape");
        assertRefused("1,200,000.50", ID, "money.typed.shape");
        assertRefused("1.200.000,50", EN, "money.typed.shape");
        assertRefused("1,2000", EN, "money.typed.shape");
        assertRefused("1 200", EN, "money.typed.shape");
        assertRefused("12.", EN, "money.typed.shape");
        assertRefused(",5", ID, "money.typed.shape");
        assertRefused("1.234,567", ID, "money.typed.decimals");
        assertRefused("1.200", EN, "money.typed.decimals");
        assertRefused("100.5", EN, "money.typed.decimals", "JPY");
        assertRefused("1000000000000000.01", EN, "money.typed.too-large");
        assertRefused("9".repeat(31), EN, "money.typed.too-long");
        assertRefused("Rp 5.000", ID, "money.typed.letters");
        assertRefused("٥٠٠", EN, "money.typed.shape");
    }

    @Property
    void formattingThenReadingGivesTheAmountBackInEveryLanguage(@ForAll("amounts") BigDecimal amount,
                                                                 @ForAll("locales") Locale locale) {
        String written = TypedAmount.format(amount, locale, "IDR");
        assertThat(TypedAmount.parse(written, locale, "IDR")).isEqualByComparingTo(amount);
        String plain = amount.toPlainString().replace('.', locale == ID ? ',' : '.');
        assertThat(TypedAmount.parse(plain, locale, "IDR")).isEqualByComparingTo(amount);
    }

    @Property
    void readsWholeCurrencyAmountsBackToo(@ForAll("wholeAmounts") BigDecimal amount, @ForAll("locales") Locale locale) {
        assertThat(TypedAmount.parse(TypedAmount.format(amount, locale, "JPY"), locale, "JPY")).isEqualByComparingTo(amount);
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.01"), Amounts.MAX_AMOUNT).ofScale(2);
    }

    @Provide
    Arbitrary<BigDecimal> wholeAmounts() {
        return Arbitraries.bigDecimals().between(BigDecimal.ONE, Amounts.MAX_AMOUNT).ofScale(0);
    }

    @Provide
    Arbitrary<Locale> locales() {
        return Arbitraries.of(EN, ID);
    }

    private static void assertRefused(String typed, Locale locale, String key) {
        assertRefused(typed, locale, key, "IDR");
    }

    private static void assertRefused(String typed, Locale locale, String key, String currency) {
        assertThatThrownBy(() -> TypedAmount.parse(typed, locale, currency))
                .as(typed).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo(key);
    }
}
