package org.lumbung.reports;

import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.reports.DashboardFigure.Value;
import org.lumbung.testsupport.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ContextConfiguration;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard shows what the treasurer acts on today, and a feature adds its cards by declaring a
 * {@link DashboardFigureContributor} bean — here a stand-in for the loans feature, which edits nothing else.
 */
@ContextConfiguration(classes = DashboardServiceTest.LoansFeature.class)
class DashboardServiceTest extends DatabaseTest {

    /** Not a @Configuration, so that no other test's component scan finds it. */
    static class LoansFeature {
        @Bean
        DashboardFigureContributor loanFigures() {
            return (cooperative, today) -> List.of(DashboardFigure.of("figure-loans-in-arrears", 205, "loans.dashboard.in-arrears",
                    Value.count(3)).link("loans/arrears"));
        }
    }

    @Autowired
    DashboardService dashboard;
    @Autowired
    LedgerService ledger;
    @Autowired
    Clock clock;

    @Test
    void todaysCashComesFirstThenDuesApprovalsAndBackupInTheirOrderWithTheFeaturesCardsByTheirOwnOrder() {
        Cooperative coop = newCooperative("dash-today");
        LocalDate today = coop.today(clock);
        post(coop, "dash-in-today", today, PostingLine.debit("1100", new BigDecimal("150000")), PostingLine.credit("2100", new BigDecimal("150000")));
        post(coop, "dash-out-today", today, PostingLine.debit("2100", new BigDecimal("40000")), PostingLine.credit("1100", new BigDecimal("40000")));
        post(coop, "dash-in-yesterday", today.minusDays(1), PostingLine.debit("1100", new BigDecimal("999")), PostingLine.credit("2100", new BigDecimal("999")));

        List<DashboardFigure> figures = dashboard.figures(coop.id());

        // a feature's card of the day (remittances arrived today) stands among the treasurer's by its own order
        assertThat(figures).extracting(DashboardFigure::id).startsWith("figure-cash-today").containsSubsequence(
                "figure-cash-today", "figure-dues-behind", "figure-loans-in-arrears", "figure-approvals", "figure-backup",
                "figure-members").contains("figure-remittances-today")
                .doesNotContain("figure-loans", "figure-cooperatives");
        DashboardFigure cash = figures.get(0);
        assertThat(cash.value().number()).isEqualByComparingTo("110000");
        assertThat(cash.noteValues()).extracting(Value::number).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("150000"), new BigDecimal("40000"));
        assertThat(figures).filteredOn(f -> f.id().equals("figure-dues-behind")).singleElement()
                .satisfies(f -> assertThat(f.link()).isEqualTo("savings/arrears"));
    }

    private void post(Cooperative coop, String key, LocalDate day, PostingLine... lines) {
        ledger.post(new PostingRequest(coop.id(), key, day, "dashboard test", "MANUAL", null, List.of(lines), "t"));
    }
}
