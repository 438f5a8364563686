package org.lumbung.sampledata;

import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.ChainVerifier;
import org.lumbung.members.MemberFilter;
import org.lumbung.members.MemberService;
import org.lumbung.members.MemberStatus;
import org.lumbung.savings.DuesService;
import org.lumbung.testsupport.BackendTestApplication;
import org.lumbung.testsupport.FreshDatabaseInitializer;
import org.lumbung.testsupport.LedgerInvariants;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample cooperative loads through the services, and the ledger's invariants hold after it. The clock
 * stands on a day before the sample files' own dates (last day 7 November 2026): the sample still loads,
 * moved so that its history ends on that day.
 */
@SpringBootTest(properties = "lumbung.sample-data.enabled=true")
@ContextConfiguration(classes = {BackendTestApplication.class, SampleDataTest.FirstStartDay.class}, initializers = FreshDatabaseInitializer.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@WithMockUser(username = "test-admin", roles = "ADMIN")
class SampleDataTest {

    /** 14 June 2025, 10:00 in Ponorogo. */
    static final LocalDate FIRST_START = LocalDate.of(2025, 6, 14);

    /** Not a @Configuration, so that no other test's component scan finds it: this test names it. */
    static class FirstStartDay {
        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        java.time.Clock firstStartClock() {
            return java.time.Clock.fixed(java.time.Instant.parse("2025-06-14T03:00:00Z"), java.time.ZoneOffset.UTC);
        }
    }

    @Autowired
    CooperativeService cooperatives;
    @Autowired
    MemberService members;
    @Autowired
    DuesService dues;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    DSLContext dsl;
    @Autowired
    org.lumbung.reports.Pearls pearls;

    @Test
    void theSampleCooperativeHasAHundredAndFiftyMembersWithTwoYearsOfSavings() {
        Cooperative ngrupit = cooperatives.byCode("ngrupit");
        assertThat(members.count(ngrupit.id(), MemberFilter.ALL)).isEqualTo(150);
        assertThat(members.count(ngrupit.id(), new MemberFilter(null, null, null, "F", null))).isGreaterThan(120);
        // returned migrants: came home and are not abroad again (a few dozen went back after joining: migrations.csv)
        assertThat(members.count(ngrupit.id(), new MemberFilter(null, null, null, null, true))).isGreaterThan(70);
        assertThat(members.count(ngrupit.id(), new MemberFilter(null, MemberStatus.APPLICANT, null, null, null))).isEqualTo(3);
        assertThat(members.count(ngrupit.id(), new MemberFilter(null, MemberStatus.EXITED, null, null, null))).isEqualTo(1);
        assertThat(members.count(ngrupit.id(), new MemberFilter(null, MemberStatus.SUSPENDED, null, null, null))).isEqualTo(1);
        // what the dashboard shows and the README quotes: 3 applicants, 1 suspended and 1 who left are not active
        assertThat(members.countActive(ngrupit.id())).isEqualTo(145);
        assertThat(members.page(ngrupit.id(), MemberFilter.text("Siti Aminah"), 0, 3)).extracting(m -> m.fullName())
                .containsExactlyInAnyOrder("Siti Aminah", "Siti Aminnah", "Sitti Aminah");
        assertThat(dues.arrears(ngrupit.id(), FIRST_START)).isNotEmpty();
        assertThat(dsl.fetchCount(dsl.selectFrom("savings_transaction"))).isGreaterThan(3_000);
        assertThat(dsl.fetchCount(dsl.selectFrom("savings_interest_run"))).isGreaterThan(20);
        LedgerInvariants.assertHold(dsl, verifier, ngrupit.id());
    }

    @Test
    void theSamplesTwoYearsEndOnTheDayOfTheFirstStart() {
        Cooperative ngrupit = cooperatives.byCode("ngrupit");
        long shift = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2026, 11, 7), FIRST_START);
        assertThat(day("select max(value_date) from journal_entry where cooperative_id = " + ngrupit.id()))
                .as("today has movements, nothing lies after it").isEqualTo(FIRST_START);
        assertThat(day("select min(joined_on) from member where cooperative_id = " + ngrupit.id()))
                .isEqualTo(LocalDate.of(2024, 3, 2).plusDays(shift));
        assertThat(ngrupit.foundedOn()).isEqualTo(LocalDate.of(2024, 3, 1).plusDays(shift));
        assertThat(day("select max(joined_on) from member where cooperative_id = " + ngrupit.id()))
                .isBeforeOrEqualTo(FIRST_START);
    }

    @Test
    void theSampleLoansWereBookedThroughTheServicesAndClosedEveryDay() {
        long coop = cooperatives.byCode("ngrupit").id();
        String loans = "from loan where cooperative_id = " + coop;
        assertThat(count("select count(distinct product_id) " + loans)).isEqualTo(3);
        assertThat(count("select count(*) " + loans + " and status = 'CLOSED'")).as("paid off").isGreaterThan(0);
        assertThat(count("select count(*) " + loans + " and status = 'ACTIVE' and days_past_due = 0")).as("current").isGreaterThan(0);
        assertThat(count("select count(distinct aging_class) " + loans + " and status = 'ACTIVE' and days_past_due > 0"))
                .as("late in several classes").isGreaterThan(2);
        assertThat(count("select count(*) " + loans + " and restructured and schedule_version = 2")).isEqualTo(1);
        assertThat(count("select count(*) " + loans + " and status = 'WRITTEN_OFF' and exists (select 1 from loan_transaction t "
                + "where t.loan_id = loan.id and t.kind = 'RECOVERY')")).as("written off, partly recovered").isEqualTo(1);
        // the close ran every day from its first (1 May 2025 in the files) up to the day before the first start
        long shift = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2026, 11, 7), FIRST_START);
        LocalDate firstClose = LocalDate.of(2025, 5, 1).plusDays(shift);
        assertThat(count("select count(*) from loan_close_run where status = 'DONE' and cooperative_id = " + coop))
                .isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(firstClose, FIRST_START));
        assertThat(day("select business_date from loan_business_date where cooperative_id = " + coop)).isEqualTo(FIRST_START);
        assertThat(dsl.resultQuery("select sum(par30_amount) from loan_portfolio_snapshot where cooperative_id = " + coop
                + " and business_date = '" + FIRST_START.minusDays(1) + "'").fetchOne(0, java.math.BigDecimal.class)).isPositive();
        LedgerInvariants.assertHold(dsl, verifier, coop);
    }

    /**
     * A savings-and-credit cooperative lends out most of what its members save: the loan book is most of the assets
     * (PEARLS E1), few loans are late (A1), and the grants and surplus give it capital of its own (E9); its loans
     * come from every purpose, several officers, and the book grew over the months.
     */
    @Test
    void theSampleLendsOutMostOfItsSavingsWithFewLateLoansAndCapitalOfItsOwn() {
        long coop = cooperatives.byCode("ngrupit").id();
        java.util.Map<org.lumbung.reports.PearlsRatio, org.lumbung.reports.Pearls.Value> ratios = pearls.at(coop, FIRST_START).values();
        java.util.function.Function<org.lumbung.reports.PearlsRatio, java.math.BigDecimal> percent = r -> ratios.get(r).percent();
        org.slf4j.LoggerFactory.getLogger(SampleDataTest.class).info("the sample's PEARLS on its last day: {}", ratios);
        assertThat(percent.apply(org.lumbung.reports.PearlsRatio.E1)).as("net loans / total assets").isBetween(
                new java.math.BigDecimal("55"), new java.math.BigDecimal("80"));
        assertThat(percent.apply(org.lumbung.reports.PearlsRatio.A1)).as("PAR30 / gross loans").isBetween(
                new java.math.BigDecimal("1"), new java.math.BigDecimal("8"));
        assertThat(percent.apply(org.lumbung.reports.PearlsRatio.E9)).as("institutional capital / total assets").isPositive();
        String loans = "from loan where cooperative_id = " + coop;
        assertThat(count("select count(*) " + loans)).isGreaterThan(100);
        assertThat(count("select count(distinct purpose_category) " + loans)).isEqualTo(org.lumbung.loans.LoanPurpose.values().length);
        assertThat(count("select count(distinct loan_officer) " + loans)).isGreaterThanOrEqualTo(3);
        java.math.BigDecimal halfWay = dsl.resultQuery("select outstanding from loan_portfolio_snapshot where collectibility = 'ALL' and cooperative_id = "
                + coop + " and business_date = '" + FIRST_START.minusMonths(9) + "'").fetchOne(0, java.math.BigDecimal.class);
        java.math.BigDecimal last = dsl.resultQuery("select outstanding from loan_portfolio_snapshot where collectibility = 'ALL' and cooperative_id = "
                + coop + " and business_date = '" + FIRST_START.minusDays(1) + "'").fetchOne(0, java.math.BigDecimal.class);
        assertThat(last).as("the book grew").isGreaterThan(halfWay.multiply(new java.math.BigDecimal("1.5")));
    }

    private long count(String sql) {
        return dsl.resultQuery(sql).fetchOne(0, Long.class);
    }

    @Test
    void remittancesComeFromWhereTheMembersMigrationHistorySaysTheyWere() {
        Cooperative ngrupit = cooperatives.byCode("ngrupit");
        // members who went back abroad after joining (migrations.csv) send from all seven corridors, a few hundred receipts
        assertThat(dsl.fetchCount(dsl.selectFrom("remittance"))).isGreaterThan(250);
        assertThat(dsl.fetchCount(dsl.selectFrom("remittance").where("booking = 'FOREIGN'"))).as("cash carried home").isPositive();
        assertThat(dsl.resultQuery("select count(distinct corridor) from remittance").fetchOne(0, Integer.class)).isEqualTo(7);
        assertThat(dsl.resultQuery("select count(distinct sent_currency) from remittance where booking = 'FOREIGN'")
                .fetchOne(0, Integer.class)).as("cash carried home from several corridors").isGreaterThanOrEqualTo(3);
        // every remittance lies within a stay of its member in its corridor
        assertThat(dsl.fetchCount(dsl.selectFrom("remittance r").where("not exists (select from member_migration g "
                + "where g.member_id = r.member_id and g.destination_country = r.corridor and g.departed_on <= r.received_on "
                + "and (g.returned_on is null or g.returned_on >= r.received_on))"))).isZero();
        assertThat(dsl.fetchCount(dsl.selectFrom("journal_entry").where("source_type = 'FX' and description like 'FX\\_SALE %'")))
                .as("carried cash sold to a money changer").isPositive();
        // a few members keep ringgit savings, with interest through the ringgit position
        assertThat(count("select count(distinct a.member_id) from savings_account a join savings_product p on p.id = a.product_id "
                + "join savings_transaction t on t.account_id = a.id where p.currency = 'MYR' and t.kind = 'DEPOSIT'"))
                .isBetween(3L, 6L);
        assertThat(count("select count(*) from savings_transaction t join savings_account a on a.id = t.account_id "
                + "join savings_product p on p.id = a.product_id where p.currency = 'MYR' and t.kind = 'INTEREST'")).isPositive();
        // every remittance's savings part stands on the member's savings statement
        assertThat(count("select count(*) from remittance_allocation where kind = 'SAVINGS'")).isPositive()
                .isEqualTo(count("select count(*) from savings_transaction where source = 'REMITTANCE'"));
        LedgerInvariants.assertHold(dsl, verifier, ngrupit.id());
    }

    @Test
    void aYearOfTheShopThroughItsServices() {
        Cooperative ngrupit = cooperatives.byCode("ngrupit");
        assertThat(dsl.fetchCount(dsl.selectFrom("shop_product"))).isGreaterThanOrEqualTo(8);
        assertThat(dsl.fetchCount(dsl.selectFrom("shop_sale").where("kind = 'SALE'"))).isGreaterThanOrEqualTo(500);
        assertThat(dsl.fetchCount(dsl.selectFrom("shop_sale").where("kind = 'RETURN'"))).isPositive();
        assertThat(dsl.fetchCount(dsl.selectFrom("shop_purchase").where("supplier_member_id is not null"))).isGreaterThan(50);
        assertThat(dsl.fetchCount(dsl.selectFrom("shop_stock_movement").where("kind = 'ADJUSTMENT'"))).isEqualTo(1);
        // keripik singkong made from the members' cassava every fourth Monday, its cost carried from its inputs
        assertThat(dsl.fetchCount(dsl.selectFrom("shop_production"))).isGreaterThanOrEqualTo(12);
        assertThat(dsl.fetchCount(dsl.selectFrom("shop_stock_movement").where("kind = 'PRODUCTION' and quantity < 0"))).isPositive();
        assertThat(dsl.fetchCount(dsl.selectFrom("shop_production").where("cost < materials_cost or materials_cost = 0"))).isZero();
        org.lumbung.sales.StockValuation v = stock.valuation(ngrupit.id(), FIRST_START);
        assertThat(v.total()).isPositive().isEqualByComparingTo(v.inventoryAccount());
        assertThat(stock.valuation(ngrupit.id(), FIRST_START.minusMonths(6)).agreesWithLedger()).isTrue();
    }

    @Autowired
    org.lumbung.sales.StockService stock;

    private LocalDate day(String sql) {
        return dsl.resultQuery(sql).fetchOne(0, LocalDate.class);
    }
}
