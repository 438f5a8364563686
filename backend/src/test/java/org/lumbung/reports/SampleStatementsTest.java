package org.lumbung.reports;

import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.AccountType;
import org.lumbung.ledger.LedgerQueries;
import org.lumbung.ledger.TrialBalance;
import org.lumbung.testsupport.BackendTestApplication;
import org.lumbung.testsupport.FreshDatabaseInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements of the sample cooperative: its balance sheet balances at the end of every month of its
 * history (the service asserts assets = liabilities + equity and would refuse otherwise), its assets are the
 * trial balance's, and the surplus line of equity is the statement of surplus since the start.
 */
@SpringBootTest(properties = "lumbung.sample-data.enabled=true")
@ContextConfiguration(classes = BackendTestApplication.class, initializers = FreshDatabaseInitializer.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@WithMockUser(username = "test-admin", roles = "ADMIN")
class SampleStatementsTest {

    @Autowired
    CooperativeService cooperatives;
    @Autowired
    FinancialStatements statements;
    @Autowired
    LedgerQueries ledger;
    @Autowired
    Clock clock;

    @Test
    void theBalanceSheetBalancesAtTheEndOfEverySampleMonth() {
        Cooperative ngrupit = cooperatives.byCode("ngrupit");
        LocalDate today = ngrupit.today(clock);
        int months = 0;
        for (YearMonth m = YearMonth.from(ngrupit.foundedOn()); !m.isAfter(YearMonth.from(today)); m = m.plusMonths(1)) {
            LocalDate end = m.atEndOfMonth().isAfter(today) ? today : m.atEndOfMonth();
            for (String currency : statements.currencies(ngrupit.id())) {
                BalanceSheet sheet = statements.balanceSheet(ngrupit.id(), end, currency);
                assertThat(sheet.totals().assets()).as("%s %s", end, currency)
                        .isEqualByComparingTo(sheet.totals().liabilities().add(sheet.totals().equity()))
                        .isEqualByComparingTo(assetsOfTheTrialBalance(ngrupit.id(), end, currency));
                IncomeStatement sinceFounding = statements.income(ngrupit.id(), ngrupit.foundedOn(), end, currency);
                assertThat(surplusLine(sheet)).as("SHU tahun berjalan %s", end)
                        .isEqualByComparingTo(sinceFounding.totals().surplus());
            }
            months++;
        }
        assertThat(months).isGreaterThanOrEqualTo(24);
        BalanceSheet last = statements.balanceSheet(ngrupit.id(), today, "IDR");
        assertThat(last.totals().assets()).isPositive();
        assertThat(last.equity()).extracting(StatementLine::code).contains("3100", "3200", "3500");
        assertThat(last.previousTotals().balanced()).isTrue();
    }

    private BigDecimal assetsOfTheTrialBalance(long cooperativeId, LocalDate asOf, String currency) {
        TrialBalance tb = ledger.trialBalance(cooperativeId, asOf);
        return tb.rows().stream().filter(r -> r.type() == AccountType.ASSET && r.currency().equals(currency))
                .map(r -> r.debit().subtract(r.credit())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal surplusLine(BalanceSheet sheet) {
        return sheet.equity().stream().filter(l -> l.code().equals("3500")).map(StatementLine::amount)
                .findFirst().orElse(BigDecimal.ZERO);
    }
}
