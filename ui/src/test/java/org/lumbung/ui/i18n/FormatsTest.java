package org.lumbung.ui.i18n;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Percentages read as numbers do in the reader's language: a decimal comma in Indonesian, a point in English. */
class FormatsTest {

    @Test
    void aPercentageHasTheDecimalSeparatorOfTheReadersLanguage() {
        assertThat(Formats.percent(new BigDecimal("17.32"), Locale.forLanguageTag("id"))).isEqualTo("17,32 %");
        assertThat(Formats.percent(new BigDecimal("17.32"), Locale.ENGLISH)).isEqualTo("17.32 %");
        assertThat(Formats.percent(new BigDecimal("1234.5"), Locale.forLanguageTag("id"))).isEqualTo("1.234,50 %");
    }

    @Test
    void aRateIsWrittenAsSetInTheReadersLanguageNeitherPaddedNorRounded() {
        assertThat(Formats.rate(new BigDecimal("40.00"), Locale.forLanguageTag("id"))).isEqualTo("40 %");
        assertThat(Formats.rate(new BigDecimal("1.5"), Locale.forLanguageTag("id"))).isEqualTo("1,5 %");
        assertThat(Formats.rate(new BigDecimal("0.125"), Locale.ENGLISH)).isEqualTo("0.125 %");
        assertThat(Formats.rate(new BigDecimal("12.34567"), Locale.forLanguageTag("id"))).isEqualTo("12,34567 %");
    }
}
