package org.lumbung.sales;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moving weighted-average cost on a worked example (keripik tempe, Rp):
 * <pre>
 * buy 100 @ 1,000          100 units  100,000.00   average 1,000
 * buy  50 @ 1,300          150 units  165,000.00   average 1,100   (165,000 / 150)
 * sell 30                  cost 30 × 1,100 = 33,000.00 → 120 units 132,000.00
 * buy  80 @ 1,250          200 units  232,000.00   average 1,160   (232,000 / 200)
 * sell  7                  cost 232,000 × 7 / 200 = 8,120.00 → 193 units 223,880.00
 * sell 193 (the rest)      cost exactly the 223,880.00 left → 0 units, 0.00
 * </pre>
 */
class WeightedAverageTest {

    @Test
    void theWorkedExample() {
        WeightedAverage p = WeightedAverage.empty().receive(q("100"), m("100000.00")).receive(q("50"), m("65000.00"));
        assertThat(p.unitCost()).isEqualByComparingTo("1100");
        BigDecimal first = p.issueCost(q("30"), "IDR");
        assertThat(first).isEqualByComparingTo("33000.00");
        p = p.issue(q("30"), first).receive(q("80"), m("100000.00"));
        assertThat(p.quantity()).isEqualByComparingTo("200");
        assertThat(p.value()).isEqualByComparingTo("232000.00");
        assertThat(p.unitCost()).isEqualByComparingTo("1160");
        BigDecimal second = p.issueCost(q("7"), "IDR");
        assertThat(second).isEqualByComparingTo("8120.00");
        p = p.issue(q("7"), second);
        BigDecimal rest = p.issueCost(q("193"), "IDR");
        assertThat(rest).isEqualByComparingTo("223880.00");
        p = p.issue(q("193"), rest);
        assertThat(p.quantity()).isZero();
        assertThat(p.value()).isZero();
    }

    @Test
    void roundingNeverLeavesAResidueInStock() {
        // 3 packets for 10,000.00: each issue rounds (3,333.33), the last takes what is left (3,333.34)
        WeightedAverage p = WeightedAverage.empty().receive(q("3"), m("10000.00"));
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < 3; i++) {
            BigDecimal cost = p.issueCost(q("1"), "IDR");
            total = total.add(cost);
            p = p.issue(q("1"), cost);
        }
        assertThat(total).isEqualByComparingTo("10000.00");
        assertThat(p.value()).isZero();
    }

    @Test
    void beyondTheStockHeldTheLastAverageIsUsed() {
        // a product that may go below zero: 2 held at 500 each, 5 sold → 1,000 held + 3 × 500
        WeightedAverage p = WeightedAverage.empty().receive(q("2"), m("1000.00"));
        assertThat(p.issueCost(q("5"), "IDR")).isEqualByComparingTo("2500.00");
    }

    private static BigDecimal q(String s) {
        return new BigDecimal(s).setScale(3);
    }

    private static BigDecimal m(String s) {
        return new BigDecimal(s);
    }
}
