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
}
