package org.lumbung.sales;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.members.Member;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop's reports on a hand-worked example. Bought 60 days back: keripik 20 at 10,000, sambal 10 at 8,000, krupuk
 * 5 at 6,000 (another category). 40 days back a walk-in customer buys 1 sambal (12,000, cost 8,000). Today Siti buys
 * 2 keripik at the member price (28,000, cost 20,000) and returns 1 (−14,000, cost −10,000); a walk-in customer buys
 * 1 sambal (12,000, cost 8,000) and 1 keripik with 1,500 off (13,500, cost 10,000).
 */
class ShopReportsTest extends ShopTestBase {

    @Autowired ShopReports reports;

    Member siti;
    ShopProduct krupuk;

    @BeforeEach
    void setUp() {
        setUpShop("rep");
        krupuk = catalogue.create(coop.id(), new NewShopProduct("KRUPUK", null, "Crackers", "Krupuk", "pack", "Snacks",
                new BigDecimal("9000"), new BigDecimal("8500"), false, true, false, BigDecimal.ZERO));
        buy(keripik, "20", "10000", today.minusDays(60));
        buy(sambal, "10", "8000", today.minusDays(60));
        buy(krupuk, "5", "6000", today.minusDays(60));
        siti = member("Siti Aminah");
        sales.sell(coop.id(), new NewSale(null, Payment.CASH, List.of(new NewSale.Line(sambal.id(), BigDecimal.ONE, null)),
                today.minusDays(40), null, key()));
        Sale hers = sell(siti, Payment.CASH, keripik, "2");
        returns.takeBack(coop.id(), new NewReturn(hers.id(), List.of(new NewReturn.Line(1, BigDecimal.ONE)), today, null, key()));
        sales.sell(coop.id(), new NewSale(null, Payment.CASH, List.of(new NewSale.Line(sambal.id(), BigDecimal.ONE, null),
                new NewSale.Line(keripik.id(), BigDecimal.ONE, new BigDecimal("1500"))), today, null, key()));
    }

    @Test
    void salesByProductNetOfReturnsWithTheirMargin() {
        ShopReports.Sales report = reports.sales(coop.id(), ShopReports.By.PRODUCT, today.minusDays(60), today);
        List<ShopReports.Row> rows = report.rows();
        // keripik: 28,000 − 14,000 + 13,500 = 27,500, cost 20,000; sambal: 2 × 12,000 = 24,000, cost 16,000
        assertThat(rows).extracting(r -> r.key() + " " + plain(r.quantity()) + " " + plain(r.sales()) + " " + plain(r.cost())
                + " " + plain(r.margin())).containsExactly("KRP-TEMPE 2 27500 20000 7500", "SMB-PECEL 2 24000 16000 8000");
        assertThat(report.complete()).isTrue();
        ShopReports.Row total = report.total();
        assertThat(total.sales()).isEqualByComparingTo("51500");
        assertThat(total.margin()).isEqualByComparingTo("15500");
        assertThat(total.marginPercent()).isEqualByComparingTo("30.10");   // 15,500 / 51,500
        // the margin is the ledger's: sales less returns less the cost of goods sold
        assertThat(balance("4300").add(balance("4310")).subtract(balance("5100"))).isEqualByComparingTo("15500");
    }

    @Test
    void salesByCategoryMemberAndMonth() {
        assertThat(reports.sales(coop.id(), ShopReports.By.CATEGORY, today.minusDays(60), today).rows())
                .extracting(r -> r.key() + " " + plain(r.sales())).containsExactly("Food 51500");
        assertThat(reports.sales(coop.id(), ShopReports.By.MEMBER, today.minusDays(60), today).rows())
                .extracting(r -> r.label().id() + " " + plain(r.sales()) + " " + plain(r.margin()))
                .containsExactly(" 37500 11500", "Siti Aminah 14000 4000");
        assertThat(reports.sales(coop.id(), ShopReports.By.MONTH, today.minusDays(60), today).rows())
                .extracting(r -> r.key() + " " + plain(r.sales()))
                .containsExactly(today.minusDays(40).toString().substring(0, 7) + " 12000", today.toString().substring(0, 7) + " 39500");
        ShopReports.Sales none = reports.sales(coop.id(), ShopReports.By.PRODUCT, today.minusDays(60), today.minusDays(41));
        assertThat(none.rows()).isEmpty();
        assertThat(none.total().sales()).isZero();
    }

    @Test
    void aReportWithMoreRowsThanItListsKeepsTheLargestAndTotalsThemAll() {
        // one row listed of two: the larger product's, and the total still the whole period's
        ShopReports.Sales report = reports.sales(coop.id(), ShopReports.By.PRODUCT, today.minusDays(60), today, 1);
        assertThat(report.rows()).extracting(ShopReports.Row::key).containsExactly("KRP-TEMPE");
        assertThat(report.complete()).isFalse();
        assertThat(report.rowCount()).isEqualTo(2);
        assertThat(report.total().sales()).isEqualByComparingTo("51500");
        assertThat(report.total().cost()).isEqualByComparingTo("36000");
    }

    @Test
    void slowMoversAreWhatSoldLeastWithTheirStockTiedUp() {
        List<ShopReports.SlowMover> slow = reports.slowMovers(coop.id(), today, 30, 10);
        // krupuk never sold; sambal 1 in the last 30 days; keripik 2 (3 sold, 1 back)
        assertThat(slow).extracting(m -> m.code() + " " + plain(m.sold()) + " " + plain(m.stockValue()))
                .containsExactly("KRUPUK 0 30000", "SMB-PECEL 1 64000", "KRP-TEMPE 2 180000");
        assertThat(slow.get(0).lastSale()).isNull();
        assertThat(slow.get(1).lastSale()).isEqualTo(today);
        refused(() -> reports.slowMovers(coop.id(), today, 0, 10), "sales.report.window.invalid");
    }

    private static String plain(BigDecimal b) {
        return b.stripTrailingZeros().toPlainString();
    }
}
