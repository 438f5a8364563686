package org.lumbung.ui.i18n;

import org.junit.jupiter.api.Test;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rate typed in the reader's language is read as she means it, or refused; never read a hundred times off. */
class RatesTest {

    @Test
    void anIndonesianReadsThePointAsGroupingAndTheCommaAsDecimals() {
        assertThat(Rates.parse("3.550", Messages.INDONESIAN)).isEqualByComparingTo("3550");
        assertThat(Rates.parse("3.550,123456", Messages.INDONESIAN)).isEqualByComparingTo("3550.123456");
        assertThat(Rates.parse(" 3550,5 ", Messages.INDONESIAN)).isEqualByComparingTo("3550.5");
        assertThat(Rates.parse("1.234.567", Messages.INDONESIAN)).isEqualByComparingTo("1234567");
    }

    @Test
    void anEnglishReaderWritesTheOtherWayRound() {
        assertThat(Rates.parse("3,550.123456", Messages.ENGLISH)).isEqualByComparingTo("3550.123456");
        assertThat(Rates.parse("3.55", Messages.ENGLISH)).isEqualByComparingTo("3.55");
    }

    @Test
    void aSeparatorInTheWrongPlaceIsRefusedNotGuessed() {
        for (String typed : new String[] {"3550.12", "35.50", "3.5500", "1e3", "3,550,1", "--1", "3.550,", "", "x"}) {
            assertThatThrownBy(() -> Rates.parse(typed, Messages.INDONESIAN)).as(typed).isInstanceOf(DomainException.class);
            assertThat(Rates.tryParse(typed, Messages.INDONESIAN)).as(typed).isEmpty();
        }
        assertThatThrownBy(() -> Rates.parse("3550.12", Messages.INDONESIAN)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(Messages.of(e, Messages.INDONESIAN)).contains("3.550,123456"));
    }

    @Test
    void aRateIsShownWithItsOwnDecimalsInTheReadersLanguage() {
        assertThat(Rates.format(new BigDecimal("3550.123456"), Messages.ENGLISH)).isEqualTo("3,550.123456");
        assertThat(Rates.format(new BigDecimal("3550.123456"), Messages.INDONESIAN)).isEqualTo("3.550,123456");
        assertThat(Rates.parse(Rates.format(new BigDecimal("0.00254"), Messages.INDONESIAN), Messages.INDONESIAN))
                .isEqualByComparingTo("0.00254");
    }
}
