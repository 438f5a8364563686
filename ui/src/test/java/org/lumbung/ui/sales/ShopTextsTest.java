package org.lumbung.ui.sales;

import org.junit.jupiter.api.Test;
import org.lumbung.platform.i18n.Messages;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** A quantity is read and shown as the reader writes numbers; what could mean two things is refused. */
class ShopTextsTest {

    @Test
    void anIndonesianQuantityIsReadTheIndonesianWay() {
        assertThat(ShopTexts.parseQuantity("1,5", Messages.INDONESIAN)).isEqualByComparingTo("1.5");
        assertThat(ShopTexts.parseQuantity("1.500", Messages.INDONESIAN)).isEqualByComparingTo("1500");
        assertThat(ShopTexts.parseQuantity(" 2 ", Messages.INDONESIAN)).isEqualByComparingTo("2");
        assertThat(ShopTexts.parseQuantity("1.5", Messages.INDONESIAN)).as("a point groups thousands here").isNull();
        assertThat(ShopTexts.parseQuantity("1,5", Messages.ENGLISH)).as("a comma groups thousands in English").isNull();
        assertThat(ShopTexts.parseQuantity("1.5", Messages.ENGLISH)).isEqualByComparingTo("1.5");
        assertThat(ShopTexts.parseQuantity("10000000", Messages.ENGLISH)).as("more than seven digits").isNull();
        assertThat(ShopTexts.parseQuantity("1.2345", Messages.ENGLISH)).as("more than three decimals").isNull();
        assertThat(ShopTexts.parseQuantity("-1", Messages.ENGLISH)).isNull();
    }

    @Test
    void aQuantityIsShownInTheReadersLanguageWithoutTrailingZeros() {
        assertThat(ShopTexts.quantity(new BigDecimal("1500.500"), Messages.INDONESIAN)).isEqualTo("1.500,5");
        assertThat(ShopTexts.quantity(new BigDecimal("1500.500"), Messages.ENGLISH)).isEqualTo("1,500.5");
        assertThat(ShopTexts.quantity(new BigDecimal("2.000"), Messages.ENGLISH)).isEqualTo("2");
    }
}
