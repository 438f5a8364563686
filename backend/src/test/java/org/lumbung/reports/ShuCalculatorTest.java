package org.lumbung.reports;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SHU of a year worked by hand, to the rupiah cent, with the largest-remainder rule at every step.
 *
 * <pre>
 * Surplus Rp 1,000,000.03 = 100,000,003 cents, split 40/20/20/5/5/5/5/0 (the default):
 *   reserve   100,000,003 × 40/100 = 40,000,001.2  → 40,000,001, remainder .2
 *   capital   100,000,003 × 20/100 = 20,000,000.6  → 20,000,000, remainder .6
 *   patronage                      = 20,000,000.6  → 20,000,000, remainder .6
 *   board, staff, education, social 5,000,000.15   →  5,000,000 each, remainder .15
 *   area development 0
 *   whole cents 100,000,001; 2 cents left → the two largest remainders, capital and patronage (.6; pool order)
 *   → reserve 400,000.01, capital 200,000.01, patronage 200,000.01, the four funds 50,000.00 each.
 *
 * Jasa modal: capital pool 20,000,001 cents over pokok + wajib #1 1,000,000, #2 2,000,000, #3 3,000,000 (6,000,000):
 *   #1 20,000,001/6 = 3,333,333.5 → 3,333,333 (.5); #2 × 2/6 = 6,666,667 (0); #3 × 3/6 = 10,000,000.5 → 10,000,000 (.5)
 *   1 cent left; #1 and #3 tie at .5 → the lower member number, #1: 33,333.34 / 66,666.67 / 100,000.00.
 * Jasa usaha: patronage pool 20,000,001 cents over loan interest paid #2 150,000, #3 50,000, #4 100,000 (300,000):
 *   #2 10,000,000.5 → 10,000,000 (.5); #3 3,333,333.5 → 3,333,333 (.5); #4 6,666,667 (0)
 *   1 cent left; #2 and #3 tie → #2: 100,000.01 / 33,333.33 / 66,666.67; #1 paid no interest: 0.
 * Totals: #1 33,333.34, #2 166,666.68, #3 133,333.33, #4 66,666.67.
 * </pre>
 */
class ShuCalculatorTest {

    @Test
    void aYearsSurplusSplitIntoPoolsAndMembersSharesToTheCent() {
        Map<Long, ShuBases.Member> members = Map.of(11L, new ShuBases.Member(11, 1, "Siti Aminah"),
                12L, new ShuBases.Member(12, 2, "Suparmi"), 13L, new ShuBases.Member(13, 3, "Wahyuni"),
                14L, new ShuBases.Member(14, 4, "Sri Lestari"));
        Map<Long, BigDecimal> capital = Map.of(11L, new BigDecimal("1000000.00"), 12L, new BigDecimal("2000000.00"),
                13L, new BigDecimal("3000000.00"));
        Map<Long, BigDecimal> patronage = Map.of(12L, new BigDecimal("150000.00"), 13L, new BigDecimal("50000.00"),
                14L, new BigDecimal("100000.00"));

        ShuDistribution d = ShuService.distribute(2025, "IDR", new BigDecimal("1000000.03"), ShuSplit.DEFAULT, capital,
                patronage, members, true, null);

        assertThat(d.pools()).containsEntry(ShuPool.RESERVE, new BigDecimal("400000.01"))
                .containsEntry(ShuPool.CAPITAL, new BigDecimal("200000.01")).containsEntry(ShuPool.PATRONAGE, new BigDecimal("200000.01"))
                .containsEntry(ShuPool.BOARD, new BigDecimal("50000.00")).containsEntry(ShuPool.STAFF, new BigDecimal("50000.00"))
                .containsEntry(ShuPool.EDUCATION, new BigDecimal("50000.00")).containsEntry(ShuPool.SOCIAL, new BigDecimal("50000.00"))
                .containsEntry(ShuPool.AREA_DEVELOPMENT, new BigDecimal("0.00"));
        assertThat(d.shares()).extracting(MemberShare::memberNumber, s -> s.jasaModal().toPlainString(),
                        s -> s.jasaUsaha().toPlainString(), s -> s.total().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "33333.34", "0.00", "33333.34"),
                        org.assertj.core.groups.Tuple.tuple(2, "66666.67", "100000.01", "166666.68"),
                        org.assertj.core.groups.Tuple.tuple(3, "100000.00", "33333.33", "133333.33"),
                        org.assertj.core.groups.Tuple.tuple(4, "0.00", "66666.67", "66666.67"));
        assertThat(d.totals()).isEqualTo(new ShuDistribution.Totals(new BigDecimal("6000000.00"), new BigDecimal("300000.00"),
                new BigDecimal("200000.01"), new BigDecimal("200000.01")));
    }

    @Test
    void partsAlwaysAddUpToTheAmountAndEqualRemaindersGoToTheFirst() {
        Map<String, BigDecimal> thirds = new LinkedHashMap<>();
        thirds.put("a", BigDecimal.ONE);
        thirds.put("b", BigDecimal.ONE);
        thirds.put("c", BigDecimal.ONE);
        assertThat(ShuCalculator.largestRemainder(new BigDecimal("100"), thirds, 0))
                .containsExactly(Map.entry("a", new BigDecimal("34")), Map.entry("b", new BigDecimal("33")), Map.entry("c", new BigDecimal("33")));
        assertThat(ShuCalculator.largestRemainder(new BigDecimal("0.02"), thirds, 2).values())
                .containsExactly(new BigDecimal("0.01"), new BigDecimal("0.01"), new BigDecimal("0.00"));
        Map<String, BigDecimal> none = Map.of("a", BigDecimal.ZERO);
        assertThat(ShuCalculator.largestRemainder(new BigDecimal("5.00"), none, 2)).containsEntry("a", new BigDecimal("0.00"));
    }

    @Test
    void aSplitMustAddUpToAHundredPercent() {
        Map<ShuPool, BigDecimal> percents = new java.util.EnumMap<>(ShuSplit.DEFAULT.percents());
        percents.put(ShuPool.AREA_DEVELOPMENT, new BigDecimal("0.01"));
        assertThatThrownBy(() -> new ShuSplit(percents, ShuSplit.CapitalBase.YEAR_END)).hasMessageContaining("reports.shu.split.sum");
        percents.put(ShuPool.AREA_DEVELOPMENT, BigDecimal.ZERO);
        percents.put(ShuPool.RESERVE, new BigDecimal("39.995"));
        assertThatThrownBy(() -> new ShuSplit(percents, ShuSplit.CapitalBase.YEAR_END)).hasMessageContaining("reports.shu.split.percent");
    }
}
