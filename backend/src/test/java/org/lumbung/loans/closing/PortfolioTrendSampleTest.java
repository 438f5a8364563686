package org.lumbung.loans.closing;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.testsupport.BackendTestApplication;
import org.lumbung.testsupport.SampleDatabaseInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly trends over the sample's year and a half of closes: the same figures as each month asked for on its
 * own, and a number of statements that does not grow with the months but for the allowance's ledger balance at
 * each month's last closed day (one ledger read a month: the ledger has no balance-at-several-dates read).
 */
@SpringBootTest(properties = "lumbung.sample-data.enabled=true")
@ContextConfiguration(classes = BackendTestApplication.class, initializers = SampleDatabaseInitializer.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@WithMockUser(username = "test-admin", roles = "ADMIN")
class PortfolioTrendSampleTest {

    /** Statements of a trend besides the one ledger read a month: closed days, snapshots, stocks, sums, flows, labels. */
    static final int STATEMENTS_BESIDES_THE_LEDGER = 8;

    @Autowired
    DSLContext dsl;
    @Autowired
    CooperativeService cooperatives;
    @Autowired
    ChartOfAccounts chart;
    @Autowired
    PortfolioBreakdown breakdown;
    @Autowired
    CloseOfBusiness close;

    @Test
    void eachMonthOfTheTrendIsThatMonthAskedForOnItsOwn() {
        Cooperative c = cooperatives.byCode("ngrupit");
        LocalDate to = close.businessDate(c.id()).minusDays(1);
        LocalDate from = to.minusMonths(18).withDayOfMonth(1).plusDays(9);
        for (PortfolioDimension by : PortfolioDimension.values()) {
            for (SegmentQuality segment : segments(c, by, from, to)) {
                List<SegmentQuality> trend = breakdown.trend(c.id(), by, segment.segment(), from, to);
                assertThat(trend).as(by + " " + segment.label()).hasSizeGreaterThanOrEqualTo(12);
                for (SegmentQuality month : trend) {
                    PortfolioBreakdown.Breakdown alone = breakdown.quality(c.id(), by, month.from(), month.to()).orElseThrow();
                    assertThat(month).as(by + " " + segment.label() + " " + month.from())
                            .isEqualTo(by == PortfolioDimension.WHOLE ? alone.whole() : alone.segments().stream()
                                    .filter(s -> s.segment().equals(segment.segment())).findFirst().orElseThrow());
                }
            }
        }
    }

    /** A trend reads its months in one go; only the ledger's allowance is still read month by month. */
    @Test
    void aTrendsStatementsDoNotGrowWithItsMonthsButForTheLedgersAllowance() {
        Cooperative c = cooperatives.byCode("ngrupit");
        LocalDate to = close.businessDate(c.id()).minusDays(1);
        LocalDate from = to.minusMonths(18).withDayOfMonth(1);
        CountedBreakdown counted = new CountedBreakdown(dsl, cooperatives, chart);
        String product = segments(c, PortfolioDimension.PRODUCT, from, to).get(0).segment();
        List<SegmentQuality> trend = counted.breakdown.trend(c.id(), PortfolioDimension.PRODUCT, product, from, to);
        assertThat(trend).hasSizeGreaterThanOrEqualTo(18);
        assertThat(counted.statements()).isLessThanOrEqualTo(STATEMENTS_BESIDES_THE_LEDGER + trend.size());
    }

    private List<SegmentQuality> segments(Cooperative c, PortfolioDimension by, LocalDate from, LocalDate to) {
        PortfolioBreakdown.Breakdown b = breakdown.quality(c.id(), by, from, to).orElseThrow();
        return by == PortfolioDimension.WHOLE ? List.of(b.whole()) : b.segments();
    }
}
