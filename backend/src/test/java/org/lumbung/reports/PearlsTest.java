package org.lumbung.reports;

import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.reports.PearlsRatio.Light;
import org.lumbung.testsupport.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PEARLS on a ledger computed by hand.
 *
 * <pre>
 * end of 2024: cash 1,000,000 (pokok)                                       total assets 1,000,000
 * 2025: savings 600,000 voluntary + 100,000 time deposits; a loan of 1,000,000; 200,000 to the bank;
 *       interest 150,000; salaries 30,000, operating 10,000, savings interest 20,000; provision 40,000;
 *       a grant of 50,000; other payables 25,000
 * end of 2025: cash 665,000, bank 200,000, loans 1,000,000, allowance −40,000 total assets 1,825,000
 *   E1  (1,000,000 − 40,000) / 1,825,000                = 52.60 %  red (target 70–80)
 *   E5  (600,000 + 100,000) / 1,825,000                 = 38.36 %  red
 *   E9  (grant 50,000 + surplus 50,000) / 1,825,000     =  5.48 %  amber (target ≥ 10, amber ≥ 5)
 *   R9  (100,000 − 20,000 savings interest − 40,000 provision) / ((1,825,000 + 1,000,000) / 2) = 2.83 %  green
 *   L1  (865,000 − 25,000) / 700,000                    = 120.00 % red (idle money: target 15–20, amber ≤ 30)
 *   S11 1,825,000 / 1,000,000 − 1                       = 82.50 %  green
 * </pre>
 */
class PearlsTest extends DatabaseTest {

    @Autowired
    Pearls pearls;
    @Autowired
    LedgerService ledger;

    @Test
    void theLedgerRatiosWorkedByHand() {
        Cooperative c = newCooperative("pearls-hand");
        post(c, "pearls-01", LocalDate.of(2024, 6, 1), "1100", "3100", "1000000");
        post(c, "pearls-02", LocalDate.of(2025, 1, 5), "1100", "2100", "600000");
        post(c, "pearls-03", LocalDate.of(2025, 1, 6), "1100", "2200", "100000");
        post(c, "pearls-04", LocalDate.of(2025, 2, 1), "1300", "1100", "1000000");
        post(c, "pearls-05", LocalDate.of(2025, 3, 1), "1200", "1100", "200000");
        post(c, "pearls-06", LocalDate.of(2025, 6, 1), "1100", "4100", "150000");
        post(c, "pearls-07", LocalDate.of(2025, 6, 2), "5300", "1100", "30000");
        post(c, "pearls-08", LocalDate.of(2025, 6, 3), "5400", "1100", "10000");
        post(c, "pearls-09", LocalDate.of(2025, 6, 4), "5200", "1100", "20000");
        post(c, "pearls-10", LocalDate.of(2025, 6, 5), "5500", "1310", "40000");
        post(c, "pearls-11", LocalDate.of(2025, 6, 6), "1100", "3300", "50000");
        post(c, "pearls-12", LocalDate.of(2025, 6, 7), "1100", "2400", "25000");

        Pearls.Month m = pearls.at(c.id(), LocalDate.of(2025, 12, 31));
        assertThat(m.portfolioDate()).isEmpty();
        assertValue(m, PearlsRatio.E1, "52.60", Light.RED);
        assertValue(m, PearlsRatio.E5, "38.36", Light.RED);
        assertValue(m, PearlsRatio.E9, "5.48", Light.AMBER);
        assertValue(m, PearlsRatio.R9, "2.83", Light.GREEN);
        assertValue(m, PearlsRatio.L1, "120.00", Light.RED);
        assertValue(m, PearlsRatio.S11, "82.50", Light.GREEN);
        assertThat(m.values().get(PearlsRatio.P1).light()).isEqualTo(Light.NONE);
        assertThat(m.values().get(PearlsRatio.A1).percent()).isNull();

        List<Pearls.Month> trend = pearls.trend(c.id(), LocalDate.of(2025, 12, 31), 12);
        assertThat(trend).extracting(Pearls.Month::asOf).startsWith(LocalDate.of(2025, 1, 31)).endsWith(LocalDate.of(2025, 12, 31))
                .hasSize(12);
        assertValue(trend.get(0), PearlsRatio.E5, "41.18", Light.RED);
    }

    @Test
    void theProvisionAndDelinquencyRatiosWorkedByHand() {
        // allowance 40,000; portfolio 1,000,000 with PAR30 150,000 of which 30,000 macet
        PortfolioQuality p = new PortfolioQuality(LocalDate.of(2025, 12, 31), new BigDecimal("1000000"), new BigDecimal("200000"),
                new BigDecimal("150000"), new BigDecimal("60000"), new BigDecimal("30000"));
        Pearls.Figures f = new Pearls.Figures(new BigDecimal("1825000"), new BigDecimal("1000000"), new BigDecimal("1000000"),
                new BigDecimal("40000"), new BigDecimal("700000"), new BigDecimal("865000"), new BigDecimal("25000"),
                new BigDecimal("100000"), new BigDecimal("40000"), Optional.of(p));
        var values = Pearls.ratios(f);
        // P1 40,000 / 30,000 = 133.33 % green; P2 (40,000 − 30,000) / 120,000 = 8.33 % red; A1 150,000 / 1,000,000 = 15 % red
        assertThat(values.get(PearlsRatio.P1)).isEqualTo(new Pearls.Value(PearlsRatio.P1, new BigDecimal("133.33"), Light.GREEN));
        assertThat(values.get(PearlsRatio.P2)).isEqualTo(new Pearls.Value(PearlsRatio.P2, new BigDecimal("8.33"), Light.RED));
        assertThat(values.get(PearlsRatio.A1)).isEqualTo(new Pearls.Value(PearlsRatio.A1, new BigDecimal("15.00"), Light.RED));
    }

    private static void assertValue(Pearls.Month m, PearlsRatio ratio, String percent, Light light) {
        assertThat(m.values().get(ratio)).as(ratio.name()).isEqualTo(new Pearls.Value(ratio, new BigDecimal(percent), light));
    }

    private void post(Cooperative c, String key, LocalDate day, String debit, String credit, String amount) {
        ledger.post(new PostingRequest(c.id(), key, day, "pearls test", "MANUAL", null,
                List.of(PostingLine.debit(debit, new BigDecimal(amount)), PostingLine.credit(credit, new BigDecimal(amount))), "t"));
    }
}
