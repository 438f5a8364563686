package org.lumbung.reports;

import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.AccountType;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.ledger.LedgerQueries;
import org.lumbung.ledger.TrialBalance;
import org.lumbung.testsupport.BackendTestApplication;
import org.lumbung.testsupport.SampleDatabaseInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements of the sample cooperative: its balance sheet balances at the end of every month of its
 * history (the service asserts assets = liabilities + equity and would refuse otherwise), its assets are the
 * trial balance's, and the surplus line of equity is the statement of surplus since the start.
 */
@SpringBootTest(properties = "lumbung.sample-data.enabled=true")
@ContextConfiguration(classes = BackendTestApplication.class, initializers = SampleDatabaseInitializer.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@WithMockUser(username = "test-admin", roles = "ADMIN")
class SampleStatementsTest {

    @Autowired
    CooperativeService cooperatives;
    @Autowired
    FinancialStatements statements;
    @Autowired
    FlowStatements flows;
    @Autowired
    MemberStatements memberStatements;
    @Autowired
    org.lumbung.loans.LoanService loans;
    @Autowired
    org.lumbung.savings.SavingsService savingsService;
    @Autowired
    org.lumbung.remittance.RemittanceService remittances;
    @Autowired
    LedgerQueries ledger;
    @Autowired
    Clock clock;
    @Autowired
    HledgerExport export;
    @Autowired
    org.lumbung.fx.ForeignCurrencyAccounts foreignAccounts;
    @Autowired
    LedgerService posting;

    @Test
    void aMembersStatementHasHerSavingsHerLoansAndHerRemittancesInHerLanguage() throws Exception {
        Cooperative ngrupit = cooperatives.byCode("ngrupit");
        LocalDate today = ngrupit.today(clock);
        var borrower = loans.loansIn(ngrupit.id(), org.lumbung.loans.LoanStatus.ACTIVE, 0, 1).get(0);
        MemberStatement s = memberStatements.statement(ngrupit.id(), borrower.memberId(), ngrupit.foundedOn(), today);
        MemberStatement.Section loan = s.sections().stream().filter(x -> x.title().contains(borrower.number())).findFirst().orElseThrow();
        assertThat(loan.closing()).isEqualByComparingTo(loans.loan(ngrupit.id(), borrower.id()).outstandingPrincipal());
        assertThat(loan.lines()).isNotEmpty();
        for (var account : savingsService.accounts(ngrupit.id(), borrower.memberId())) {
            MemberStatement.Section saved = s.sections().stream().filter(x -> x.title().endsWith(account.number())).findFirst().orElseThrow();
            assertThat(saved.closing()).as(account.number()).isEqualByComparingTo(account.balance());
        }
        var remittance = remittances.remittances(ngrupit.id(), new org.lumbung.remittance.RemittanceFilter(null, null, null), 0, 1).get(0);
        MemberStatement withRemittances = memberStatements.statement(ngrupit.id(), remittance.memberId(), ngrupit.foundedOn(), today);
        assertThat(withRemittances.sections()).anySatisfy(x -> assertThat(x.lines()).anySatisfy(
                l -> assertThat(l.description()).contains(Integer.toString(remittance.receiptNumber()))));
        byte[] pdf = memberStatements.pdf(ngrupit.id(), remittance.memberId(), ngrupit.foundedOn(), today);
        try (var reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
            String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(text).contains(withRemittances.memberName(), org.lumbung.platform.i18n.Messages.get("member-statement.title",
                    withRemittances.locale()));
        }
    }

    @Test
    void theCashFlowAndTheChangesInEquityReconcileInEverySampleYear() {
        Cooperative ngrupit = cooperatives.byCode("ngrupit");
        LocalDate today = ngrupit.today(clock);
        int years = 0;
        for (int y = FiscalYear.containing(ngrupit, ngrupit.foundedOn()).year(); y <= FiscalYear.containing(ngrupit, today).year(); y++) {
            FiscalYear year = FiscalYear.of(ngrupit, y);
            LocalDate to = year.last().isAfter(today) ? today : year.last();
            for (String currency : statements.currencies(ngrupit.id())) {
                CashFlowStatement cash = flows.cashFlow(ngrupit.id(), year.first(), to, currency);
                assertThat(cash.totals().reconciled()).isTrue();
                EquityChanges equity = flows.equityChanges(ngrupit.id(), year.first(), to, currency);
                assertThat(equity.total().closing()).as("%s %s", y, currency)
                        .isEqualByComparingTo(statements.balanceSheet(ngrupit.id(), to, currency).totals().equity());
                assertThat(equity.total().opening()).as("%s %s", y, currency)
                        .isEqualByComparingTo(statements.balanceSheet(ngrupit.id(), year.first().minusDays(1), currency).totals().equity());
            }
            years++;
        }
        assertThat(years).isGreaterThanOrEqualTo(2);
    }

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

    @Test
    void theHledgerExportPassesHledgersCheckAndReproducesTheTrialBalanceInEveryCurrency() throws Exception {
        Cooperative ngrupit = cooperatives.byCode("ngrupit");
        long usdBank = openUsdBankWithADeposit(ngrupit);
        Path journal = HledgerCrossCheck.write(export, ngrupit.id(), Files.createTempFile("export", ".journal"));
        String text = Files.readString(journal);
        assertThat(text).contains("account assets:1-aset:1100-kas\n", "commodity 1000.00 IDR\n", "commodity 1000.00 USD\n")
                .containsPattern("account liabilities:2-kewajiban:2100-simpanan-sukarela:2100\\.00001-[a-z-]+\n")
                .contains("account revenues:4-pendapatan:4200-pendapatan-administrasi\n");

        HledgerCrossCheck.run(journal, "check");
        HledgerCrossCheck.run(journal, "check", "accounts", "commodities");
        Map<String, BigDecimal> lumbung = HledgerCrossCheck.trialBalance(ledger, ngrupit.id(), ngrupit.today(clock));
        Map<String, BigDecimal> hledger = HledgerCrossCheck.balances(journal,
                lumbung.keySet().stream().map(k -> k.substring(0, k.indexOf(' '))).collect(java.util.stream.Collectors.toSet()));
        assertThat(lumbung).containsKey("1100 IDR").containsKey(foreignAccounts.bank(ngrupit.id(), "USD").code() + " USD").hasSizeGreaterThan(100);
        assertThat(hledger.keySet()).containsExactlyInAnyOrderElementsOf(lumbung.keySet());
        lumbung.forEach((account, balance) -> assertThat(hledger.get(account)).as(account).isEqualByComparingTo(balance));
        assertThat(usdBank).isPositive();
    }

    /** A bank account in dollars, so that the export has a second currency. */
    private long openUsdBankWithADeposit(Cooperative c) {
        var position = foreignAccounts.position(c.id(), "USD");
        var bank = foreignAccounts.bank(c.id(), "USD");
        posting.post(new PostingRequest(c.id(), "hledger-usd-deposit", c.today(clock), "USD; deposit\nfrom abroad", "MANUAL",
                null, List.of(PostingLine.debit(bank.code(), new BigDecimal("125.50")),
                PostingLine.credit(position.code(), new BigDecimal("125.50"))), "test"));
        return bank.id();
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
