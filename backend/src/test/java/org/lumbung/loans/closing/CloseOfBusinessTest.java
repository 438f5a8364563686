package org.lumbung.loans.closing;

import org.jooq.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.ChainVerifier;
import org.lumbung.platform.DomainException;
import org.lumbung.testsupport.DatabaseTest;
import org.lumbung.testsupport.LedgerInvariants;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The close of business on loans written into the loan tables; the ledger's invariants hold after every test. */
class CloseOfBusinessTest extends DatabaseTest {

    @Autowired
    CloseOfBusiness close;
    @Autowired
    Portfolio portfolio;
    @Autowired
    CloseSettings settings;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    Clock clock;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    private final List<Cooperative> made = new ArrayList<>();

    @AfterEach
    void ledgerInvariantsHold() {
        made.forEach(c -> LedgerInvariants.assertHold(dsl, verifier, c.id()));
    }

    private Cooperative coop(String code) {
        Cooperative c = newCooperative(code);
        made.add(c);
        return c;
    }

    private LocalDate day0(Cooperative c) {
        return c.today(clock).minusDays(60);
    }

    /**
     * Late loans of three penalty rules (0.1 % a day after 3 grace days, capped at 5,000 per instalment;
     * 25,000 once; none) and of an accruing product, some repaid, some not, around {@code d0}.
     */
    private void mixedPortfolio(Cooperative c, LocalDate d0) {
        long daily = LoanBook.product(dsl, c.id(), "HARIAN", "PERCENT_PER_DAY", "0.1", 3, "5000", true);
        long fixed = LoanBook.product(dsl, c.id(), "TETAP", "FIXED", "25000", 0, null, false);
        long none = LoanBook.product(dsl, c.id(), "TANPA", "NONE", "0", 0, null, true);
        LoanBook.loans(dsl, c.id(), daily, "D", 6, 12, "100000", "15000", d0.minusDays(40));
        LoanBook.loans(dsl, c.id(), fixed, "F", 4, 6, "250000", "20000", d0.minusDays(100));
        LoanBook.loans(dsl, c.id(), none, "N", 5, 10, "50000", "7500", d0.plusDays(3));
        LoanBook.pay(dsl, c.id(), "D-1", 2, d0.minusDays(1));
        LoanBook.pay(dsl, c.id(), "F-2", 4, d0.minusDays(1));
        close.start(c.id(), d0);
    }

    @Test
    void closingADateTwiceChangesNothing() {
        Cooperative c = coop("cob-twice");
        LocalDate d0 = day0(c);
        mixedPortfolio(c, d0);
        CloseRun first = close.close(c.id(), d0);
        assertThat(first.done()).isTrue();
        assertThat(first.overdueLoans()).isEqualTo(8); // D-2..D-6 and F-1, F-3, F-4
        Map<String, Object> after = state(c);
        CloseRun again = close.close(c.id(), d0);
        assertThat(again).isEqualTo(first);
        assertThat(state(c)).isEqualTo(after);
        assertThat(close.businessDate(c.id())).isEqualTo(d0.plusDays(1));
        assertThatThrownBy(() -> close.close(c.id(), d0.plusDays(2)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("loans.close.date.not-next"));
        assertThatThrownBy(() -> close.close(c.id(), c.today(clock).plusDays(1)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("loans.close.date.future"));
    }

    @Test
    void aThirtyDayCatchUpEqualsThirtySingleDays() {
        Cooperative caughtUp = coop("cob-catchup");
        Cooperative daily = coop("cob-daily");
        LocalDate d0 = day0(caughtUp);
        mixedPortfolio(caughtUp, d0);
        mixedPortfolio(daily, d0);
        List<String> progress = new ArrayList<>();
        close.catchUp(caughtUp.id(), d0.plusDays(29), (done, total, date) -> progress.add(done + "/" + total + " " + date));
        for (int i = 0; i < 30; i++) {
            close.close(daily.id(), d0.plusDays(i));
        }
        assertThat(progress).hasSize(30).startsWith("1/30 " + d0).endsWith("30/30 " + d0.plusDays(29));
        assertThat(state(caughtUp)).isEqualTo(state(daily));
        assertThat(close.businessDate(caughtUp.id())).isEqualTo(d0.plusDays(30)).isEqualTo(close.businessDate(daily.id()));
        assertThat(sum("select sum(amount) from loan_penalty where cooperative_id = ?", caughtUp)).isPositive();
    }

    @Test
    void aCloseWithinTheCallersTransactionEqualsOneOnItsOwn() {
        Cooperative within = coop("cob-within");
        Cooperative alone = coop("cob-alone");
        LocalDate d0 = day0(within);
        mixedPortfolio(within, d0);
        mixedPortfolio(alone, d0);
        transactions.executeWithoutResult(s -> {
            for (int i = 0; i < 5; i++) {
                close.closeWithin(within.id(), d0.plusDays(i));
            }
        });
        for (int i = 0; i < 5; i++) {
            close.close(alone.id(), d0.plusDays(i));
        }
        assertThat(state(within)).isEqualTo(state(alone));
        assertThat(close.businessDate(within.id())).isEqualTo(d0.plusDays(5)).isEqualTo(close.businessDate(alone.id()));
        assertThatThrownBy(() -> close.closeWithin(within.id(), d0.plusDays(5)))
                .as("it commits with a caller's transaction, so it needs one")
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    @Test
    void aCloseKilledHalfwayResumesAndBooksNothingTwice() {
        Cooperative killed = coop("cob-killed");
        Cooperative calm = coop("cob-calm");
        LocalDate d0 = day0(killed);
        mixedPortfolio(killed, d0);
        mixedPortfolio(calm, d0);
        close.catchUp(killed.id(), d0.plusDays(4), null);
        close.catchUp(calm.id(), d0.plusDays(5), null);
        // the process dies in the snapshot step, after arrears, penalties and accruals committed
        dsl.execute("create function cob_die() returns trigger language plpgsql as $$ begin raise exception 'killed'; end $$");
        dsl.execute("create trigger cob_die before insert on loan_portfolio_snapshot for each row when (new.cooperative_id = "
                + killed.id() + ") execute function cob_die()");
        try {
            assertThatThrownBy(() -> close.close(killed.id(), d0.plusDays(5))).hasMessageContaining("killed");
        } finally {
            dsl.execute("drop trigger cob_die on loan_portfolio_snapshot");
            dsl.execute("drop function cob_die()");
        }
        CloseRun died = close.run(killed.id(), d0.plusDays(5)).orElseThrow();
        assertThat(died.done()).isFalse();
        assertThat(died.step()).isEqualTo(CloseOfBusiness.STEPS.indexOf("ACCRUALS") + 1);
        assertThat(close.businessDate(killed.id())).isEqualTo(d0.plusDays(5));

        CloseRun resumed = close.close(killed.id(), d0.plusDays(5));
        assertThat(resumed.done()).isTrue();
        assertThat(state(killed)).isEqualTo(state(calm));
        assertThat(dsl.fetchCount(dsl.selectFrom("journal_entry").where("cooperative_id = ? and idempotency_key = ?", killed.id(),
                "loan-close:" + d0.plusDays(5) + ":accruals"))).isEqualTo(1);
    }

    @Test
    void penaltiesFollowTheRuleGraceAndCapAndAccrualsAddUpToTheInterest() {
        Cooperative c = coop("cob-rules");
        LocalDate d0 = day0(c);
        long daily = LoanBook.product(dsl, c.id(), "HARIAN", "PERCENT_PER_DAY", "0.1", 3, null, false);
        long capped = LoanBook.product(dsl, c.id(), "CAP", "PERCENT_PER_DAY", "0.1", 3, "5000", false);
        long fixed = LoanBook.product(dsl, c.id(), "TETAP", "FIXED", "25000", 0, null, false);
        long accruing = LoanBook.product(dsl, c.id(), "AKRU", "NONE", "0", 0, null, true);
        LoanBook.loans(dsl, c.id(), daily, "P", 1, 1, "1000000", "15000", d0.minusDays(1));
        LoanBook.loans(dsl, c.id(), capped, "C", 1, 1, "1000000", "15000", d0.minusDays(1));
        LoanBook.loans(dsl, c.id(), fixed, "X", 1, 2, "500000", "10000", d0.minusDays(1));
        LoanBook.loans(dsl, c.id(), accruing, "A", 1, 3, "300000", "45000", d0.plusDays(5));
        close.start(c.id(), d0);
        close.catchUp(c.id(), d0.plusDays(9), null);
        // dpd 1..10 on d0..d0+9; charged when past 3 grace days: dpd 4..10, 7 days of 0.1 % of 1,015,000
        assertThat(penaltyOf(c, "P")).isEqualByComparingTo("7105");
        assertThat(penaltyOf(c, "C")).isEqualByComparingTo("5000");
        assertThat(penaltyOf(c, "X")).isEqualByComparingTo("25000"); // once, for its one overdue instalment
        // interest of instalment 1 earned evenly from the disbursement to d0+5, accrued from d0 on; instalment 2 from d0+6
        BigDecimal expected = accruedOfTheAkruLoan(d0);
        assertThat(sum("select sum(amount) from loan_interest_accrual where cooperative_id = ?", c)).isEqualByComparingTo(expected);
        assertThat(sum("select debit_total - credit_total from ledger_account where cooperative_id = ? and code = '1320'", c))
                .isEqualByComparingTo(expected);
        assertThat(sum("select credit_total - debit_total from ledger_account where cooperative_id = ? and code = '4100'", c))
                .isEqualByComparingTo(expected);
    }

    @Test
    void interestARescheduleCarriedIsNotAccruedASecondTime() {
        Cooperative c = coop("cob-carried");
        LocalDate d0 = day0(c);
        long accruing = LoanBook.product(dsl, c.id(), "AKRU", "NONE", "0", 0, null, true);
        LoanBook.loans(dsl, c.id(), accruing, "A", 1, 3, "300000", "45000", d0.plusDays(5));
        // 15,000 of interest earned (and accrued) under an earlier schedule, carried into instalment 1 of this one
        dsl.execute("update loan_instalment set interest_due = interest_due + 15000, interest_carried = 15000 where number = 1"
                + " and loan_id in (select id from loan where cooperative_id = ?)", c.id());
        close.start(c.id(), d0);
        close.catchUp(c.id(), d0.plusDays(9), null);
        // as without the carried interest: instalment 1's own 45,000 from d0 on, instalment 2's from d0+6
        BigDecimal expected = accruedOfTheAkruLoan(d0);
        assertThat(sum("select sum(amount) from loan_interest_accrual where cooperative_id = ?", c)).isEqualByComparingTo(expected);
    }

    @Test
    void theSqlChargesWhatTheEnginesPenaltyFormulaSays() {
        Cooperative c = coop("cob-engine");
        LocalDate d = day0(c);
        String[][] rules = {{"DAY", "PERCENT_PER_DAY", "0.15", "2", null}, {"MONTH", "PERCENT_PER_MONTH", "3", "5", null},
                {"MCAP", "PERCENT_PER_MONTH", "2.5", "0", "40000"}, {"FIX", "FIXED", "12500", "7", null}};
        for (String[] r : rules) {
            long product = LoanBook.product(dsl, c.id(), r[0], r[1], r[2], Integer.parseInt(r[3]), r[4], false);
            LoanBook.loans(dsl, c.id(), product, r[0], 3, 4, "333333", "12345", d.minusDays(75));
        }
        close.start(c.id(), d);
        close.close(c.id(), d);
        int checked = 0;
        for (Record i : dsl.fetch("select p.code, p.penalty_kind, p.penalty_value, p.penalty_grace_days, p.penalty_cap, i.due_date,"
                + " i.principal_due + i.interest_due as owed, i.penalty_due from loan_instalment i join loan l on l.id = i.loan_id"
                + " join loan_product p on p.id = l.product_id where l.cooperative_id = ? and i.state = 'OVERDUE'", c.id())) {
            org.lumbung.loans.schedule.PenaltyRule rule = new org.lumbung.loans.schedule.PenaltyRule(
                    org.lumbung.loans.schedule.PenaltyKind.valueOf(i.get(1, String.class)), i.get(2, BigDecimal.class),
                    i.get(3, Integer.class), i.get(4, BigDecimal.class));
            BigDecimal engine = org.lumbung.loans.schedule.Penalties.forOverdue(i.get(6, BigDecimal.class), "IDR",
                    i.get(5, LocalDate.class), d, rule);
            assertThat(i.get(7, BigDecimal.class)).as("%s due %s", i.get(0), i.get(5)).isEqualByComparingTo(engine);
            checked++;
        }
        assertThat(checked).isEqualTo(4 * 3 * 3); // three instalments of each loan are overdue 75, ~45 and ~14 days
    }

    private static BigDecimal share(String interest, long days, long of) {
        return new BigDecimal(interest).multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(of), 2, RoundingMode.HALF_EVEN);
    }

    @Test
    void parFiguresOfAHandBuiltPortfolio() {
        Cooperative c = coop("cob-par");
        LocalDate d = day0(c);
        handBuiltPortfolio(c, d);
        close.start(c.id(), d);
        close.close(c.id(), d);
        PortfolioSnapshot s = portfolio.snapshot(c.id(), d).orElseThrow();
        // outstanding 1 + 2 + 3 + 4 + 5 million, 0 / 1 / 5 / 45 / 100 days past due; PAR N counts more than N days
        assertThat(s.total().loans()).isEqualTo(5);
        assertThat(s.total().outstanding()).isEqualByComparingTo("15000000");
        assertThat(s.total().par1Amount()).isEqualByComparingTo("12000000");
        assertThat(s.total().par1Loans()).isEqualTo(3);
        assertThat(s.total().par30Amount()).isEqualByComparingTo("9000000");
        assertThat(s.total().par30Loans()).isEqualTo(2);
        assertThat(s.total().par90Amount()).isEqualByComparingTo("5000000");
        assertThat(s.total().par90Loans()).isEqualTo(1);
        assertThat(s.par1Percent()).isEqualByComparingTo("80.00");
        assertThat(s.par30Percent()).isEqualByComparingTo("60.00");
        assertThat(s.par90Percent()).isEqualByComparingTo("33.33");
        assertThat(s.classes()).extracting(ClassFigures::loans).containsExactly(1, 3, 1, 0, 0);
        assertThat(s.classes().get(1).outstanding()).isEqualByComparingTo("9000000");
        // 1 % of 1,000,000 + 5 % of 9,000,000 + 15 % of 5,000,000
        assertThat(s.total().provision()).isEqualByComparingTo("1210000");
        assertThat(portfolio.lateBorrowers(c.id(), 0, 10)).extracting(LateBorrower::daysPastDue).containsExactly(100, 45, 5, 1);
        assertThat(portfolio.trend(c.id(), d.minusDays(3), d)).singleElement()
                .satisfies(t -> assertThat(t.par30Percent()).isEqualByComparingTo("60.00"));
    }

    /** Five one-instalment loans of 1..5 million, due so that on {@code d} they are 0, 1, 5, 45 and 100 days past due. */
    private void handBuiltPortfolio(Cooperative c, LocalDate d) {
        long p = LoanBook.product(dsl, c.id(), "POLOS", "NONE", "0", 0, null, false);
        int[] late = {0, 1, 5, 45, 100};
        for (int i = 0; i < late.length; i++) {
            LoanBook.loans(dsl, c.id(), p, "L" + late[i], 1, 1, Integer.toString((i + 1) * 1_000_000), "0", d.minusDays(late[i]));
        }
    }

    @Test
    void agingThresholdsAreTheCooperativesAndDefaultToTheRegulatorsOnes() {
        CollectibilityPolicy rules = CollectibilityPolicy.defaults();
        int[][] cases = {{0, 0}, {1, 1}, {90, 1}, {91, 2}, {120, 2}, {121, 3}, {180, 3}, {181, 4}, {3000, 4}};
        for (int[] k : cases) {
            assertThat(rules.classOf(k[0])).as("%d days", k[0]).isEqualTo(Collectibility.values()[k[1]]);
        }
        Cooperative c = coop("cob-aging");
        LocalDate d = day0(c);
        handBuiltPortfolio(c, d);
        settings.update(c.id(), new CollectibilityPolicy(List.of(new ClassRule(Collectibility.LANCAR, 0, new BigDecimal("0.01")),
                new ClassRule(Collectibility.DALAM_PERHATIAN_KHUSUS, 2, new BigDecimal("0.05")),
                new ClassRule(Collectibility.KURANG_LANCAR, 30, new BigDecimal("0.25")),
                new ClassRule(Collectibility.DIRAGUKAN, 60, new BigDecimal("0.5")),
                new ClassRule(Collectibility.MACET, 90, BigDecimal.ONE))));
        close.start(c.id(), d);
        close.close(c.id(), d);
        assertThat(dsl.fetch("select number, aging_class from loan where cooperative_id = ? order by number", c.id())
                .intoMap(r -> r.get(0, String.class), r -> r.get(1, String.class))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "L0-1", "LANCAR", "L1-1", "LANCAR", "L5-1", "DALAM_PERHATIAN_KHUSUS", "L45-1", "KURANG_LANCAR", "L100-1", "MACET"));
        assertThatThrownBy(() -> settings.update(c.id(), new CollectibilityPolicy(List.of(
                new ClassRule(Collectibility.LANCAR, 0, new BigDecimal("0.05")),
                new ClassRule(Collectibility.DALAM_PERHATIAN_KHUSUS, 2, new BigDecimal("0.01")),
                new ClassRule(Collectibility.KURANG_LANCAR, 30, new BigDecimal("0.25")),
                new ClassRule(Collectibility.DIRAGUKAN, 60, new BigDecimal("0.5")),
                new ClassRule(Collectibility.MACET, 90, BigDecimal.ONE)))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("loans.close.rate.falling"));
        assertThatThrownBy(() -> new CollectibilityPolicy(List.of(new ClassRule(Collectibility.LANCAR, 0, BigDecimal.ZERO),
                new ClassRule(Collectibility.DALAM_PERHATIAN_KHUSUS, 30, BigDecimal.ZERO),
                new ClassRule(Collectibility.KURANG_LANCAR, 30, BigDecimal.ZERO),
                new ClassRule(Collectibility.DIRAGUKAN, 60, BigDecimal.ZERO), new ClassRule(Collectibility.MACET, 90, BigDecimal.ZERO))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("loans.close.threshold.invalid"));
    }

    @Test
    void theAllowanceIsAdjustedOnceAMonthWithOneEntry() {
        Cooperative c = coop("cob-provision");
        LocalDate monthEnd = day0(c).withDayOfMonth(1).minusDays(1);
        handBuiltPortfolio(c, monthEnd);
        close.start(c.id(), monthEnd.minusDays(1));
        close.catchUp(c.id(), monthEnd, null);
        assertThat(provisionEntries(c)).usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("1210000"));
        assertThat(allowance(c)).isEqualByComparingTo("1210000");
        // the 100-days loan is repaid, the others age a month: the allowance follows the next month-end's classes
        LoanBook.pay(dsl, c.id(), "L100-1", 1, monthEnd.plusDays(1));
        LocalDate nextEnd = monthEnd.plusDays(1).withDayOfMonth(monthEnd.plusDays(1).lengthOfMonth());
        close.catchUp(c.id(), nextEnd, null);
        BigDecimal required = portfolio.snapshot(c.id(), nextEnd).orElseThrow().total().provision();
        assertThat(provisionEntries(c)).hasSize(2);
        assertThat(allowance(c)).isEqualByComparingTo(required);
        assertThat(dsl.fetchCount(dsl.selectFrom("loan_provision").where("cooperative_id = ?", c.id()))).isEqualTo(2);
    }

    private List<BigDecimal> provisionEntries(Cooperative c) {
        return dsl.fetch("select l.amount from journal_entry e join journal_line l on l.entry_id = e.id join ledger_account a "
                        + "on a.id = l.account_id where e.cooperative_id = ? and e.idempotency_key like 'loan-close:%:provision' "
                        + "and a.code = '1310' order by e.id", c.id()).getValues(0, BigDecimal.class);
    }

    private BigDecimal allowance(Cooperative c) {
        return sum("select credit_total - debit_total from ledger_account where cooperative_id = ? and code = '1310'", c);
    }

    private BigDecimal penaltyOf(Cooperative c, String prefix) {
        return dsl.fetchOne("select coalesce(sum(i.penalty_due), 0) from loan_instalment i join loan l on l.id = i.loan_id "
                + "where l.cooperative_id = ? and l.number like ?", c.id(), prefix + "-%").get(0, BigDecimal.class);
    }

    /**
     * What the "A" loan of 45,000 interest a month, first due d0+5, accrues from d0 to d0+9: instalment 1's interest
     * from d0 on (earned evenly from a month before its due date), instalment 2's from d0+6.
     */
    private static BigDecimal accruedOfTheAkruLoan(LocalDate d0) {
        LocalDate due1 = d0.plusDays(5);
        LocalDate start1 = due1.minusMonths(1);
        LocalDate due2 = due1.plusMonths(1);
        return new BigDecimal("45000").subtract(share("45000", ChronoUnit.DAYS.between(start1, d0.minusDays(1)),
                ChronoUnit.DAYS.between(start1, due1))).add(share("45000", 4, ChronoUnit.DAYS.between(due1, due2)));
    }

    private BigDecimal sum(String sql, Cooperative c) {
        BigDecimal v = dsl.fetchOne(sql, c.id()).get(0, BigDecimal.class);
        return v == null ? BigDecimal.ZERO : v;
    }

    /**
     * Everything a close writes, keyed by loan number and date rather than ids (so two cooperatives with the
     * same loans compare equal): loans' days past due and class, instalments, penalties and accruals per
     * day, snapshots, the close's journal entries with their lines, and the business date.
     */
    private Map<String, Object> state(Cooperative c) {
        Map<String, Object> s = new TreeMap<>();
        s.put("loans", rows("select number, days_past_due, aging_class from loan where cooperative_id = ? order by number", c));
        s.put("instalments", rows("select l.number, i.number, i.state, i.penalty_due from loan_instalment i join loan l on l.id = i.loan_id "
                + "where l.cooperative_id = ? order by 1, 2", c));
        s.put("penalties", rows("select l.number, p.business_date, p.amount from loan_penalty p join loan l on l.id = p.loan_id "
                + "where p.cooperative_id = ? order by 1, 2", c));
        s.put("accruals", rows("select l.number, p.business_date, p.amount from loan_interest_accrual p join loan l on l.id = p.loan_id "
                + "where p.cooperative_id = ? order by 1, 2", c));
        s.put("snapshots", rows("select business_date, collectibility, loans, outstanding, par1_amount, par1_loans, par30_amount, "
                + "par30_loans, par90_amount, par90_loans, provision from loan_portfolio_snapshot where cooperative_id = ? order by 1, 2", c));
        s.put("entries", rows("select e.idempotency_key, e.value_date, a.code, l.side, l.amount from journal_entry e "
                + "join journal_line l on l.entry_id = e.id join ledger_account a on a.id = l.account_id "
                + "where e.cooperative_id = ? order by 1, 3, 4", c));
        s.put("runs", rows("select business_date, step, status, loans, overdue_loans, penalties, accrued from loan_close_run "
                + "where cooperative_id = ? order by 1", c));
        s.put("business date", close.businessDate(c.id()));
        return s;
    }

    private List<List<Object>> rows(String sql, Cooperative c) {
        return dsl.fetch(sql, c.id()).map(Record::intoList);
    }
}
