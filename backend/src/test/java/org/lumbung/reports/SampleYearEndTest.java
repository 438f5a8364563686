package org.lumbung.reports;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.lumbung.platform.i18n.Messages;
import org.junit.jupiter.api.TestMethodOrder;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.AccountType;
import org.lumbung.ledger.Approval;
import org.lumbung.ledger.Approvals;
import org.lumbung.ledger.JournalEntry;
import org.lumbung.ledger.LedgerQueries;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.ledger.TrialBalance;
import org.lumbung.platform.DomainException;
import org.lumbung.savings.SavingsService;
import org.lumbung.testsupport.BackendTestApplication;
import org.lumbung.testsupport.SampleDatabaseInitializer;
import org.lumbung.testsupport.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The year-end close and the SHU distribution on the sample cooperative: the close changes neither the balance
 * sheet nor the year's statement of surplus, a reopening (maker-checker) undoes it, and the distribution books the
 * pools and every member's share exactly once.
 */
@SpringBootTest(properties = "lumbung.sample-data.enabled=true")
@ContextConfiguration(classes = BackendTestApplication.class, initializers = SampleDatabaseInitializer.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@WithMockUser(username = "test-admin", roles = "ADMIN")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleYearEndTest {

    @Autowired
    org.jooq.DSLContext dsl;

    @Autowired
    CooperativeService cooperatives;
    @Autowired
    FinancialStatements statements;
    @Autowired
    YearEndClose yearEnd;
    @Autowired
    Approvals approvals;
    @Autowired
    ShuService shu;
    @Autowired
    ShuPosting shuPosting;
    @Autowired
    ShuPayouts payouts;
    @Autowired
    LedgerQueries queries;
    @Autowired
    LedgerService ledger;
    @Autowired
    SavingsService savings;
    @Autowired
    Clock clock;

    @Test
    @Order(1)
    void closingAYearChangesNeitherTheBalanceSheetNorItsSurplusAndReopeningUndoesIt() {
        Cooperative c = cooperatives.byCode("ngrupit");
        FiscalYear thisYear = FiscalYear.containing(c, c.today(clock));
        FiscalYear year = FiscalYear.of(c, thisYear.year() - 1);
        ledger.post(new PostingRequest(c.id(), "shu-test-other-income", year.last().minusDays(3), "Bagi hasil bank", "MANUAL", null,
                List.of(PostingLine.debit("1100", new BigDecimal("50000000")), PostingLine.credit("4400", new BigDecimal("50000000"))), "t"));
        assertThatThrownBy(() -> shuPosting.post(c.id(), year.year(), ShuDistribution.Destination.VOLUNTARY_SAVINGS))
                .hasMessageContaining("reports.shu.year-not-closed");
        BalanceSheet before = statements.balanceSheet(c.id(), year.last(), "IDR");
        BigDecimal surplus = statements.income(c.id(), year.first(), year.last(), "IDR").totals().surplus();

        JournalEntry close = yearEnd.close(c.id(), year.year());

        assertThat(statements.balanceSheet(c.id(), year.last(), "IDR")).isEqualTo(before);
        assertThat(statements.income(c.id(), year.first(), year.last(), "IDR").totals().surplus()).isEqualByComparingTo(surplus);
        assertThat(resultAccounts(c, year)).allSatisfy(r -> assertThat(r.debit().add(r.credit())).isZero());
        assertThatThrownBy(() -> yearEnd.close(c.id(), year.year())).isInstanceOf(DomainException.class)
                .hasMessageContaining("reports.year-close.already");

        IncomeStatement thisYearBefore = statements.income(c.id(), thisYear.first(), c.today(clock), "IDR");
        Approval asked = yearEnd.requestReopening(c.id(), year.year(), "closed before the auditor's adjustments");
        SignedIn.as("bu.ketua", "ADMIN", () -> approvals.approve(c.id(), asked.id()));
        assertThat(yearEnd.closingEntry(c.id(), year.year())).isEmpty();
        assertThat(statements.income(c.id(), year.first(), year.last(), "IDR").totals().surplus()).isEqualByComparingTo(surplus);
        assertThat(statements.income(c.id(), thisYear.first(), c.today(clock), "IDR"))
                .as("the reopening, dated today, is no income or expense of this year").isEqualTo(thisYearBefore);
        assertThat(yearEnd.close(c.id(), year.year()).id()).isNotEqualTo(close.id());
    }

    @Test
    @Order(2)
    void theClosedYearsShuIsDistributedOnceAndExactly() {
        Cooperative c = cooperatives.byCode("ngrupit");
        FiscalYear year = FiscalYear.of(c, FiscalYear.containing(c, c.today(clock)).year() - 1);
        assertThat(yearEnd.closingEntry(c.id(), year.year())).as("closed again by the test before").isPresent();
        // the sample's members paid no loan interest that year: the meeting gives the patronage pool to capital
        java.util.Map<ShuPool, BigDecimal> percents = new java.util.EnumMap<>(ShuSplit.DEFAULT.percents());
        percents.put(ShuPool.CAPITAL, new BigDecimal("40"));
        percents.put(ShuPool.PATRONAGE, BigDecimal.ZERO);
        shu.saveSplit(c.id(), year.year(), new ShuSplit(percents, ShuSplit.CapitalBase.MONTHLY_AVERAGE));
        ShuDistribution preview = shu.preview(c.id(), year.year());
        assertThat(preview.surplus()).isPositive();
        assertThat(preview.shares()).hasSizeGreaterThan(10);
        assertThat(preview.split().capitalBase()).isEqualTo(ShuSplit.CapitalBase.MONTHLY_AVERAGE);
        assertThat(preview.totals().jasaModal()).isEqualByComparingTo(preview.pools().get(ShuPool.CAPITAL));
        BigDecimal reservesBefore = queries.balanceAsOf(c.id(), "3400", c.today(clock));

        ShuDistribution posted = shuPosting.post(c.id(), year.year(), ShuDistribution.Destination.PAYABLE);

        assertThat(posted.posted()).isNotNull();
        assertThat(queries.balanceAsOf(c.id(), "3400", c.today(clock)))
                .isEqualByComparingTo(reservesBefore.add(preview.pools().get(ShuPool.RESERVE)));
        assertThat(queries.balanceAsOf(c.id(), "2500", c.today(clock)))
                .isEqualByComparingTo(preview.totals().jasaModal().add(preview.totals().jasaUsaha()));
        assertThat(statements.balanceSheet(c.id(), c.today(clock), "IDR").totals().balanced()).isTrue();
        assertThatThrownBy(() -> shuPosting.post(c.id(), year.year(), ShuDistribution.Destination.PAYABLE))
                .hasMessageContaining("reports.shu.already-posted");
        assertThatThrownBy(() -> yearEnd.requestReopening(c.id(), year.year(), "too late")).hasMessageContaining("reports.shu.already-posted");
    }

    @Test
    @Order(3)
    void aMembersShareIsPaidOutOfThePayableOnceWithAReceipt() throws Exception {
        Cooperative c = cooperatives.byCode("ngrupit");
        int year = FiscalYear.containing(c, c.today(clock)).year() - 1;
        List<MemberShare> shares = shu.preview(c.id(), year).shares().stream().filter(s -> s.total().signum() > 0).toList();
        MemberShare saver = shares.stream().filter(s -> savings.accounts(c.id(), s.memberId()).stream()
                .anyMatch(a -> a.kind() == org.lumbung.savings.SavingsKind.VOLUNTARY && a.active())).findFirst().orElseThrow();
        MemberShare other = shares.stream().filter(s -> s.memberId() != saver.memberId()).findFirst().orElseThrow();
        BigDecimal payable = queries.balanceAsOf(c.id(), "2500", c.today(clock));
        BigDecimal cash = queries.balanceAsOf(c.id(), "1100", c.today(clock));

        ShuPayouts.Payout inCash = payouts.pay(c.id(), year, other.memberId(), ShuPayouts.Destination.CASH);
        ShuPayouts.Payout toSavings = payouts.pay(c.id(), year, saver.memberId(), ShuPayouts.Destination.VOLUNTARY_SAVINGS);

        assertThat(inCash.amount()).isEqualByComparingTo(other.total());
        assertThat(toSavings.receiptNumber()).isEqualTo(inCash.receiptNumber() + 1);
        assertThat(queries.balanceAsOf(c.id(), "2500", c.today(clock)))
                .isEqualByComparingTo(payable.subtract(other.total()).subtract(saver.total()));
        assertThat(queries.balanceAsOf(c.id(), "1100", c.today(clock))).isEqualByComparingTo(cash.subtract(other.total()));
        assertThat(savings.transactions(c.id(), saver.memberId(), 0, 5)).as("on her statement, with a receipt").anySatisfy(t -> {
            assertThat(t.source()).isEqualTo(org.lumbung.savings.DepositSource.SHU);
            assertThat(t.amount()).isEqualByComparingTo(saver.total());
        });
        assertThatThrownBy(() -> payouts.pay(c.id(), year, other.memberId(), ShuPayouts.Destination.CASH))
                .hasMessageContaining("reports.shu.payout.already");
        assertThatThrownBy(() -> payouts.pay(c.id(), year - 1, other.memberId(), ShuPayouts.Destination.CASH))
                .hasMessageContaining("reports.shu.payout.not-posted");
        assertThat(payouts.payouts(c.id(), year)).extracting(ShuPayouts.Payout::memberId).containsExactly(other.memberId(), saver.memberId());
        try (var reader = new com.lowagie.text.pdf.PdfReader(payouts.receipt(c.id(), year, other.memberId()))) {
            String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(text).contains(other.fullName(), Integer.toString(inCash.receiptNumber()));
        }
    }

    /**
     * Every kind of journal entry Lumbung composes itself — savings, loans and their close of business, remittances,
     * foreign currency, the shop, the year-end close and the SHU — reads in Indonesian on the journal's screens. People's
     * own descriptions (manual entries, the API's, the sample's journal) are shown as written and left out.
     */
    @Test
    @Order(4)
    void everyKindOfEntryLumbungComposesReadsInIndonesian() {
        Cooperative c = cooperatives.byCode("ngrupit");
        var kind = org.jooq.impl.DSL.field("substring({0} from {1})", String.class, JOURNAL_ENTRY.DESCRIPTION,
                org.jooq.impl.DSL.inline("^(OPENING BALANCE|YEAR CLOSE|SHU DISTRIBUTION|SHU PAYOUT|[A-Z][A-Z_]+)(?:[ :]|$)"));
        List<String> kinds = dsl.selectDistinct(kind).from(JOURNAL_ENTRY)
                .where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(c.id()).and(JOURNAL_ENTRY.SOURCE_TYPE.notIn("MANUAL", "SAMPLE", "API"))
                        .and(kind.isNotNull()))
                .fetch(kind);
        assertThat(kinds).as("the sample books every feature's entries").contains("DEPOSIT", "REPAYMENT", "REMITTANCE", "SHOP_SALE",
                "YEAR CLOSE", "SHU DISTRIBUTION", "SHU PAYOUT", "INTEREST");
        assertThat(kinds).allSatisfy(k -> assertThat(org.lumbung.ledger.EntryDescriptions.readable(k + " 1", Messages.INDONESIAN))
                .as(k).doesNotStartWith(k));
    }

    private List<TrialBalance.Row> resultAccounts(Cooperative c, FiscalYear year) {
        return queries.trialBalance(c.id(), year.last()).rows().stream()
                .filter(r -> r.type() == AccountType.INCOME || r.type() == AccountType.EXPENSE).toList();
    }
}
