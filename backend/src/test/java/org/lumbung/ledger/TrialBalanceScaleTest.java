package org.lumbung.ledger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.testsupport.DatabaseTest;
import org.lumbung.testsupport.LargeLedger;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cooperative of 100,000 members has 300,000 sub-accounts: the trial balance neither stops at some
 * number of accounts nor misses a member. Rolled up, it equals what the lines say for every general-ledger
 * account, as of today and as of past dates (back-dated postings included); in detail, paged, its
 * totals equal the rolled-up ones; the chart pages to its last account.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrialBalanceScaleTest extends DatabaseTest {

    static final int MEMBERS = 100_000;
    static final int SUB_ACCOUNTS = 3 * MEMBERS;
    static final int DEPOSITS = 150_000;
    static final int DAYS = 120;

    @Autowired
    LedgerQueries queries;
    @Autowired
    LedgerService ledger;
    @Autowired
    ChartOfAccounts chart;

    Cooperative coop;
    LocalDate today;

    @BeforeAll
    void aBigCooperative() {
        org.lumbung.security.SystemActor.run(() -> {
            generate();
            return null;
        });
    }

    private void generate() {
        coop = newCooperative("besar");
        today = LocalDate.now(coop.zone());
        LargeLedger.members(dsl, coop.id(), MEMBERS);
        LargeLedger.deposits(dsl, coop.id(), MEMBERS, DEPOSITS, today, DAYS);
        // the control accounts' own postings and a general-ledger expense, back-dated into earlier months
        post("own-2100-a", today.minusDays(70), "1100", "2100", "125000");
        post("own-3100-a", today.minusDays(95), "1100", "3100", "40000");
        post("expense-a", today.minusDays(40), "5400", "1100", "7500");
        post("late-member", today.minusDays(100), "1100", "2100.000007", "3300");
    }

    private void post(String key, LocalDate valueDate, String debit, String credit, String amount) {
        ledger.post(new PostingRequest(coop.id(), key, valueDate, key, "MANUAL", null,
                List.of(PostingLine.debit(debit, new BigDecimal(amount)), PostingLine.credit(credit, new BigDecimal(amount))), "test"));
    }

    @Test
    void rolledUpEqualsTheLinesAsOfTodayAndPastDates() {
        for (LocalDate asOf : List.of(today, today.minusDays(1), today.minusDays(33), today.minusDays(61), today.minusDays(119),
                today.minusDays(DAYS + 30))) {
            TrialBalance tb = queries.trialBalance(coop.id(), asOf);
            Map<String, BigDecimal[]> lines = linesPerGeneralAccount(asOf);
            assertThat(tb.rows()).as("general-ledger accounts only").allSatisfy(r -> assertThat(r.code()).doesNotContain("."));
            for (TrialBalance.Row row : tb.rows()) {
                BigDecimal[] expected = lines.getOrDefault(row.code(), new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
                assertThat(row.debitTurnover()).as("%s debit as of %s", row.code(), asOf).isEqualByComparingTo(expected[0]);
                assertThat(row.creditTurnover()).as("%s credit as of %s", row.code(), asOf).isEqualByComparingTo(expected[1]);
            }
            assertThat(tb.rows().stream().map(TrialBalance.Row::code).toList()).containsAll(lines.keySet());
            assertThat(tb.balanced()).isTrue();
            assertThat(queries.detailTotals(coop.id(), asOf)).as("detailed totals as of %s", asOf).isEqualTo(tb.totals());
        }
        TrialBalance now = queries.trialBalance(coop.id(), today);
        assertThat(now.totals().get("IDR").credit()).as("every member's deposit is in the total")
                .isEqualByComparingTo(dsl.fetchValue("select sum(amount) from journal_line where cooperative_id = ? and side = 'C' "
                        + "and account_id in (select id from ledger_account where cooperative_id = ? and type in ('LIABILITY', 'EQUITY'))",
                        coop.id(), coop.id()).toString());
    }

    @Test
    void theDetailPagesEverySubAccountWithTheTotalsOfAll() {
        long generalPostable = dsl.fetchCount(dsl.selectFrom(org.lumbung.db.jooq.Tables.LEDGER_ACCOUNT).where(
                "cooperative_id = ? and member_id is null and not header", coop.id()));
        LocalDate asOf = today.minusDays(45);
        TrialBalance first = queries.trialBalanceDetail(coop.id(), asOf, 0, 500);
        assertThat(first.rowCount()).isEqualTo(generalPostable + SUB_ACCOUNTS);
        assertThat(first.totals()).isEqualTo(queries.trialBalance(coop.id(), asOf).totals());
        // a page in the middle and the last one: each line as the lines say, and nothing beyond the count
        TrialBalance middle = queries.trialBalanceDetail(coop.id(), asOf, 150_000, 500);
        Map<String, BigDecimal[]> perAccount = linesPerAccount(asOf);
        assertThat(middle.rows()).hasSize(500).allSatisfy(r -> {
            BigDecimal[] expected = perAccount.getOrDefault(r.code(), new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            assertThat(r.debitTurnover()).as(r.code()).isEqualByComparingTo(expected[0]);
            assertThat(r.creditTurnover()).as(r.code()).isEqualByComparingTo(expected[1]);
        });
        TrialBalance last = queries.trialBalanceDetail(coop.id(), asOf, (int) first.rowCount() - 3, 500);
        assertThat(last.rows()).hasSize(3).last().satisfies(r -> assertThat(r.code()).isEqualTo(lastCode()));
        assertThat(queries.detailRows(coop.id(), today, 0, 500)).extracting(TrialBalance.Row::code)
                .contains("2100", "2100.000001").doesNotContain("1");
    }

    @Test
    void theChartPagesToItsLastAccount() {
        int count = chart.accountCount(coop.id());
        assertThat(count).isGreaterThan(SUB_ACCOUNTS);
        assertThat(chart.accounts(coop.id(), count - 1, 500)).singleElement()
                .satisfies(a -> assertThat(a.code()).isEqualTo(lastCode()));
        assertThat(chart.generalAccounts(coop.id())).filteredOn(a -> a.code().equals("3100")).singleElement()
                .satisfies(a -> assertThat(a.creditTotal()).isEqualByComparingTo(
                        dsl.fetchValue("select sum(credit_total) from ledger_account where cooperative_id = ? "
                                + "and (code = '3100' or code like '3100.%')", coop.id()).toString()));
    }

    private String lastCode() {
        return dsl.fetchValue("select code from ledger_account where cooperative_id = ? order by code desc limit 1", coop.id())
                .toString();
    }

    /** Debit and credit turnover per general-ledger account through {@code asOf}, straight from the lines. */
    private Map<String, BigDecimal[]> linesPerGeneralAccount(LocalDate asOf) {
        Map<String, BigDecimal[]> sums = new HashMap<>();
        dsl.fetch("""
                select gl.code, coalesce(sum(l.amount) filter (where l.side = 'D'), 0) as d,
                       coalesce(sum(l.amount) filter (where l.side = 'C'), 0) as c
                  from journal_line l join ledger_account a on a.id = l.account_id
                  join ledger_account gl on gl.id = case when a.member_id is null then a.id else a.parent_id end
                 where l.cooperative_id = ? and l.value_date <= ?
                 group by gl.code""", coop.id(), asOf)
                .forEach(r -> sums.put(r.get(0, String.class), new BigDecimal[]{r.get(1, BigDecimal.class), r.get(2, BigDecimal.class)}));
        return sums;
    }

    private Map<String, BigDecimal[]> linesPerAccount(LocalDate asOf) {
        Map<String, BigDecimal[]> sums = new HashMap<>();
        dsl.fetch("""
                select a.code, coalesce(sum(l.amount) filter (where l.side = 'D'), 0) as d,
                       coalesce(sum(l.amount) filter (where l.side = 'C'), 0) as c
                  from journal_line l join ledger_account a on a.id = l.account_id
                 where l.cooperative_id = ? and l.value_date <= ?
                 group by a.code""", coop.id(), asOf)
                .forEach(r -> sums.put(r.get(0, String.class), new BigDecimal[]{r.get(1, BigDecimal.class), r.get(2, BigDecimal.class)}));
        return sums;
    }
}
