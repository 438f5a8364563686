package org.lumbung.loans.closing;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.loans.LoanAccountRole;
import org.lumbung.platform.DomainException;
import org.lumbung.testsupport.DatabaseTest;
import org.lumbung.testsupport.UniqueSuffix;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A hand-computed portfolio of five loans of two products (USAHA, TANI) and two officers (ani, budi), closed
 * on three days d0..d0+2 inside one month (no month-end provision entry), with one loan written off on d0+1,
 * repayments of interest, fees and penalties, and an allowance of 130,000 posted on d0. As of d0+2:
 * <pre>
 * loan  product officer outstanding dpd  class   provision
 * AC-1  USAHA   ani     1,000,000     0 LANCAR     10,000
 * AL-1  USAHA   budi    1,000,000    42 DPK        50,000
 * BK-1  TANI    ani     1,000,000   102 KL        150,000
 * BP-1  TANI    budi    1,000,000     5 DPK        50,000
 * BW-1  TANI    budi      600,000 written off on d0+1 (active on d0)
 * </pre>
 * Received in the period: AC-1 interest 10,000 + fee 2,000 on d0+2; BP-1 interest 15,000 + penalty 5,000 on
 * d0+1; AL-1's 7,000 on d0−5 is outside it.
 */
class PortfolioBreakdownTest extends DatabaseTest {

    @Autowired
    CloseOfBusiness close;
    @Autowired
    PortfolioBreakdown breakdown;
    @Autowired
    LedgerService ledger;
    @Autowired
    ChartOfAccounts chart;
    @Autowired
    Clock clock;

    Cooperative c;
    LocalDate d0;
    long usaha;
    long tani;

    @BeforeEach
    void handComputedBook() {
        c = newCooperative("par-" + UniqueSuffix.next());
        d0 = c.today(clock).withDayOfMonth(1).minusMonths(2);
        usaha = LoanBook.product(dsl, c.id(), "USAHA", "NONE", "0", 0, null, false);
        tani = LoanBook.product(dsl, c.id(), "TANI", "NONE", "0", 0, null, false);
        loan(usaha, "AC", "ani", 10, "100000", d0.plusDays(5));
        loan(usaha, "AL", "budi", 10, "100000", d0.minusDays(40));
        loan(tani, "BK", "ani", 5, "200000", d0.minusDays(100));
        loan(tani, "BP", "budi", 5, "200000", d0.minusDays(3));
        loan(tani, "BW", "budi", 5, "120000", d0.minusDays(200));
        received("AL-1", d0.minusDays(5), "7000", "0", "0");
        received("BP-1", d0.plusDays(1), "15000", "0", "5000");
        received("AC-1", d0.plusDays(2), "10000", "2000", "0");
        ledger.post(new PostingRequest(c.id(), "allowance-" + c.code(), d0, "allowance", "MANUAL", null, List.of(
                PostingLine.debit(chart.account(c.id(), LoanAccountRole.LOAN_LOSS_PROVISION_EXPENSE).code(), new BigDecimal("130000")),
                PostingLine.credit(chart.account(c.id(), LoanAccountRole.LOAN_LOSS_ALLOWANCE).code(), new BigDecimal("130000"))),
                "test-admin"));
        close.start(c.id(), d0);
        close.close(c.id(), d0);
        writeOff("BW-1", d0.plusDays(1));
        close.close(c.id(), d0.plusDays(1));
        close.close(c.id(), d0.plusDays(2));
    }

    private void loan(long product, String prefix, String officer, int instalments, String principalEach, LocalDate firstDue) {
        LoanBook.loans(dsl, c.id(), product, prefix, 1, instalments, principalEach, "0", firstDue);
        dsl.execute("update loan set loan_officer = ? where cooperative_id = ? and number = ?", officer, c.id(), prefix + "-1");
    }

    private void received(String loan, LocalDate on, String interest, String fee, String penalty) {
        BigDecimal amount = new BigDecimal(interest).add(new BigDecimal(fee)).add(new BigDecimal(penalty));
        dsl.execute("insert into loan_transaction (cooperative_id, loan_id, kind, channel, value_date, amount, interest_part, fee_part,"
                        + " penalty_part, outstanding_after, idempotency_key, recorded_by)"
                        + " select cooperative_id, id, 'REPAYMENT', 'CASH', ?, ?, ?, ?, ?, principal, 'pay-' || number || ?, 'teller'"
                        + " from loan where cooperative_id = ? and number = ?",
                on, amount, new BigDecimal(interest), new BigDecimal(fee), new BigDecimal(penalty), on.toString(), c.id(), loan);
    }

    private void writeOff(String loan, LocalDate on) {
        dsl.execute("insert into loan_transaction (cooperative_id, loan_id, kind, channel, value_date, amount, principal_part,"
                + " outstanding_after, idempotency_key, recorded_by) select cooperative_id, id, 'WRITE_OFF', 'NONE', ?, principal, principal,"
                + " 0, 'write-off-' || number, 'chair' from loan where cooperative_id = ? and number = ?", on, c.id(), loan);
        dsl.execute("update loan set status = 'WRITTEN_OFF', written_off_on = ?, written_off_by = 'chair' where cooperative_id = ? "
                + "and number = ?", on, c.id(), loan);
    }

    private PortfolioBreakdown.Breakdown quality(PortfolioDimension by) {
        return breakdown.quality(c.id(), by, d0, d0.plusDays(2)).orElseThrow();
    }

    private static Map<String, SegmentQuality> byLabel(PortfolioBreakdown.Breakdown b) {
        return b.segments().stream().collect(Collectors.toMap(SegmentQuality::label, Function.identity()));
    }

    private static List<String> aging(SegmentQuality q) {
        return q.aging().stream().map(BigDecimal::toPlainString).toList();
    }

    @Test
    void theWholePortfolioHasTheHandComputedFigures() {
        PortfolioBreakdown.Breakdown b = quality(PortfolioDimension.WHOLE);
        SegmentQuality w = b.whole();
        assertThat(b.segments()).isEmpty();
        assertThat(w.asOf()).isEqualTo(d0.plusDays(2));
        assertThat(w.loans()).isEqualTo(4);
        assertThat(w.outstanding()).isEqualByComparingTo("4000000");
        assertThat(w.par1Percent()).isEqualByComparingTo("75.00");
        assertThat(w.par30Percent()).isEqualByComparingTo("50.00");
        assertThat(w.par90Percent()).isEqualByComparingTo("25.00");
        assertThat(aging(w)).containsExactly("1000000", "2000000", "1000000", "0", "0");
        assertThat(w.requiredProvision()).isEqualByComparingTo("260000");
        // (4,600,000 + 4,000,000 + 4,000,000) / 3 closed days
        assertThat(w.averageGross()).isEqualByComparingTo("4200000");
        assertThat(w.writtenOff()).isEqualByComparingTo("600000");
        assertThat(w.writeOffRatio()).isEqualByComparingTo("14.29"); // 600,000 / 4,200,000
        assertThat(w.received()).isEqualByComparingTo("32000");
        assertThat(w.portfolioYield()).isEqualByComparingTo("92.70"); // 32,000 × 365 / 3 / 4,200,000
        assertThat(w.allowance()).isEqualByComparingTo("130000");
        assertThat(w.provisionsCoverage()).isEqualByComparingTo("6.50"); // 130,000 / PAR30 2,000,000
        assertThat(b.provisionRatio()).isEqualByComparingTo("50.00"); // 130,000 / 260,000
    }

    @Test
    void byProductEachFigureIsHandComputed() {
        Map<String, SegmentQuality> p = byLabel(quality(PortfolioDimension.PRODUCT));
        assertThat(p).containsOnlyKeys("USAHA", "TANI");
        SegmentQuality a = p.get("USAHA");
        SegmentQuality b = p.get("TANI");
        assertThat(a.segment()).isEqualTo(Long.toString(usaha));
        assertThat(List.of(a.loans(), b.loans())).containsExactly(2, 2);
        assertThat(a.outstanding()).isEqualByComparingTo("2000000");
        assertThat(List.of(a.par1Percent(), a.par30Percent(), a.par90Percent())).containsExactly(new BigDecimal("50.00"),
                new BigDecimal("50.00"), new BigDecimal("0.00"));
        assertThat(List.of(b.par1Percent(), b.par30Percent(), b.par90Percent())).containsExactly(new BigDecimal("100.00"),
                new BigDecimal("50.00"), new BigDecimal("50.00"));
        assertThat(aging(a)).containsExactly("1000000", "1000000", "0", "0", "0");
        assertThat(aging(b)).containsExactly("0", "1000000", "1000000", "0", "0");
        assertThat(a.averageGross()).isEqualByComparingTo("2000000");
        assertThat(b.averageGross()).isEqualByComparingTo("2200000");
        assertThat(a.writeOffRatio()).isEqualByComparingTo("0.00");
        assertThat(b.writeOffRatio()).isEqualByComparingTo("27.27"); // 600,000 / 2,200,000
        assertThat(a.portfolioYield()).isEqualByComparingTo("73.00"); // 12,000 × 365 / 3 / 2,000,000
        assertThat(b.portfolioYield()).isEqualByComparingTo("110.61"); // 20,000 × 365 / 3 / 2,200,000
        assertThat(a.allowance()).isEqualByComparingTo("30000"); // 130,000 × 60,000 / 260,000
        assertThat(b.allowance()).isEqualByComparingTo("100000");
        assertThat(a.provisionsCoverage()).isEqualByComparingTo("3.00");
        assertThat(b.provisionsCoverage()).isEqualByComparingTo("10.00");
    }

    @Test
    void byOfficerEachFigureIsHandComputed() {
        Map<String, SegmentQuality> o = byLabel(quality(PortfolioDimension.OFFICER));
        assertThat(o).containsOnlyKeys("ani", "budi");
        SegmentQuality ani = o.get("ani");
        SegmentQuality budi = o.get("budi");
        assertThat(List.of(ani.par1Amount(), ani.par30Amount(), ani.par90Amount()).stream().map(BigDecimal::toPlainString))
                .containsExactly("1000000", "1000000", "1000000");
        assertThat(List.of(budi.par1Amount(), budi.par30Amount(), budi.par90Amount()).stream().map(BigDecimal::toPlainString))
                .containsExactly("2000000", "1000000", "0");
        assertThat(aging(ani)).containsExactly("1000000", "0", "1000000", "0", "0");
        assertThat(aging(budi)).containsExactly("0", "2000000", "0", "0", "0");
        assertThat(ani.requiredProvision()).isEqualByComparingTo("160000");
        assertThat(budi.requiredProvision()).isEqualByComparingTo("100000");
        assertThat(budi.writeOffRatio()).isEqualByComparingTo("27.27");
        assertThat(ani.portfolioYield()).isEqualByComparingTo("73.00");
        assertThat(budi.portfolioYield()).isEqualByComparingTo("110.61");
        assertThat(ani.provisionsCoverage()).isEqualByComparingTo("8.00"); // 80,000 / 1,000,000
        assertThat(budi.provisionsCoverage()).isEqualByComparingTo("5.00"); // 50,000 / 1,000,000
    }

    @Test
    void eachBreakdownAddsUpToTheWhole() {
        for (PortfolioDimension by : List.of(PortfolioDimension.PRODUCT, PortfolioDimension.OFFICER)) {
            PortfolioBreakdown.Breakdown b = quality(by);
            SegmentQuality w = b.whole();
            assertThat(b.segments().stream().mapToInt(SegmentQuality::loans).sum()).as(by.name()).isEqualTo(w.loans());
            for (Function<SegmentQuality, BigDecimal> figure : List.<Function<SegmentQuality, BigDecimal>>of(SegmentQuality::outstanding,
                    SegmentQuality::par1Amount, SegmentQuality::par30Amount, SegmentQuality::par90Amount,
                    SegmentQuality::requiredProvision, SegmentQuality::allowance, SegmentQuality::averageGross,
                    SegmentQuality::writtenOff, SegmentQuality::received)) {
                assertThat(b.segments().stream().map(figure).reduce(BigDecimal.ZERO, BigDecimal::add)).as(by.name())
                        .isEqualByComparingTo(figure.apply(w));
            }
            for (int k = 0; k < Collectibility.values().length; k++) {
                int klass = k;
                assertThat(b.segments().stream().map(s -> s.aging().get(klass)).reduce(BigDecimal.ZERO, BigDecimal::add))
                        .isEqualByComparingTo(w.aging().get(klass));
            }
        }
    }

    @Test
    void theTrendGivesOneMonthComputedAsThePeriodIs() {
        List<SegmentQuality> trend = breakdown.trend(c.id(), PortfolioDimension.PRODUCT, Long.toString(tani), d0.minusMonths(1),
                d0.plusDays(2));
        assertThat(trend).hasSize(1).first().isEqualTo(byLabel(quality(PortfolioDimension.PRODUCT)).get("TANI"));
        assertThat(breakdown.trend(c.id(), PortfolioDimension.WHOLE, null, d0, d0.plusDays(2)))
                .containsExactly(quality(PortfolioDimension.WHOLE).whole());
        assertThat(breakdown.quality(c.id(), PortfolioDimension.WHOLE, d0.minusMonths(1), d0.minusDays(1))).as("nothing closed").isEmpty();
    }

    @Test
    void aTrendOfAYearRunsNoMoreStatementsThanATrendOfItsOneClosedMonth(@Autowired CooperativeService cooperatives) {
        CountedBreakdown counted = new CountedBreakdown(dsl, cooperatives, chart);
        counted.breakdown.trend(c.id(), PortfolioDimension.OFFICER, "budi", d0, d0.plusDays(2));
        int oneMonth = counted.statements();
        List<SegmentQuality> year = counted.breakdown.trend(c.id(), PortfolioDimension.OFFICER, "budi", d0.minusMonths(11), d0.plusDays(2));
        assertThat(counted.statements()).isEqualTo(oneMonth);
        assertThat(year).containsExactly(byLabel(quality(PortfolioDimension.OFFICER)).get("budi"));
    }

    @Test
    void badPeriodsAndDimensionsAreRefused() {
        assertThatThrownBy(() -> breakdown.quality(c.id(), PortfolioDimension.WHOLE, d0.plusDays(1), d0))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("loans.close.trend.invalid"));
        assertThatThrownBy(() -> breakdown.quality(c.id(), PortfolioDimension.WHOLE, d0.minusDays(PortfolioBreakdown.MAX_PERIOD_DAYS), d0))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("loans.close.trend.invalid"));
        assertThatThrownBy(() -> breakdown.quality(c.id(), null, d0, d0))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("loans.portfolio.dimension.invalid"));
        assertThatThrownBy(() -> breakdown.trend(c.id(), PortfolioDimension.WHOLE, "ani", d0, d0))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("loans.portfolio.dimension.invalid"));
    }
}
