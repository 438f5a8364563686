package org.lumbung.ledger;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.testsupport.DatabaseTest;
import org.lumbung.testsupport.TestPostgres;
import org.lumbung.testsupport.UniqueSuffix;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lumbung.db.jooq.Tables.LEDGER_ACCOUNT;

/**
 * What only Java used to check, PostgreSQL now refuses too: the application's own role cannot write the
 * maintained totals, the members' roll-ups or the movement rows (only the posting trigger does, and not
 * even the owner by a plain statement), and an entry dated in a closed month is refused whoever inserts it.
 */
class LedgerDatabaseGuardsTest extends DatabaseTest {

    @Autowired
    LedgerService ledger;
    @Autowired
    PeriodService periods;
    @Autowired
    ChartOfAccounts chart;

    Cooperative coop;
    LocalDate today;

    @BeforeEach
    void cooperativeWithAPosting() {
        coop = newCooperative("guard-" + UniqueSuffix.next());
        today = LocalDate.now(coop.zone());
        ledger.post(new PostingRequest(coop.id(), "guard-deposit-1", today.minusMonths(2).withDayOfMonth(3), "deposit",
                "MANUAL", null, List.of(PostingLine.debit("1100", BigDecimal.TEN), PostingLine.credit("2100", BigDecimal.TEN)), "t"));
    }

    private void asApp(Consumer<DSLContext> work) throws Exception {
        Assumptions.assumeTrue(TestPostgres.embedded(), "the lumbung_app role exists on the embedded test server");
        String url = dsl.connectionResult(c -> c.getMetaData().getURL());
        try (Connection connection = DriverManager.getConnection(url, "lumbung_app", "lumbung")) {
            DSLContext app = DSL.using(connection, SQLDialect.POSTGRES);
            app.execute("select set_config('lumbung.cooperative_ids', '" + coop.id() + "', false)");
            work.accept(app);
        }
    }

    @Test
    void theApplicationRoleCannotWriteMaintainedTotals() throws Exception {
        asApp(app -> {
            assertThatThrownBy(() -> app.execute("update ledger_account set debit_total = debit_total + 1000 "
                    + "where cooperative_id = " + coop.id() + " and code = '1100'")).hasStackTraceContaining("permission denied");
            assertThatThrownBy(() -> app.execute("update ledger_account set sub_credit_total = 5 "
                    + "where cooperative_id = " + coop.id() + " and code = '2100'")).hasStackTraceContaining("permission denied");
            assertThatThrownBy(() -> app.execute("insert into ledger_account (cooperative_id, code, name_en, name_id, type, "
                    + "currency, debit_total) values (" + coop.id() + ", '1999', 'Fake', 'Palsu', 'ASSET', 'IDR', 1000000)"))
                    .hasStackTraceContaining("permission denied");
            assertThatThrownBy(() -> app.execute("update ledger_month_total set own_debit = 0 where cooperative_id = " + coop.id()))
                    .hasStackTraceContaining("permission denied");
            assertThatThrownBy(() -> app.execute("delete from ledger_day_total where cooperative_id = " + coop.id()))
                    .hasStackTraceContaining("permission denied");
            // what the application does need still works: renaming, and locking accounts to post
            assertThat(app.execute("update ledger_account set name_en = 'Cash in hand' where cooperative_id = "
                    + coop.id() + " and code = '1100'")).isEqualTo(1);
            int locked = app.transactionResult(cfg -> cfg.dsl().fetch("select id from ledger_account where cooperative_id = "
                    + coop.id() + " and code = '1100' for update").size());
            assertThat(locked).isEqualTo(1);
        });
        assertThat(chart.account(coop.id(), "1100").debitTotal()).isEqualByComparingTo("10");
    }

    @Test
    void evenTheOwnerChangesMaintainedFiguresOnlyByPosting() {
        assertThatThrownBy(() -> dsl.execute("update ledger_account set credit_total = credit_total + 1 "
                + "where cooperative_id = " + coop.id() + " and code = '2100'"))
                .hasStackTraceContaining("maintained by the posting trigger only");
        assertThatThrownBy(() -> dsl.execute("update ledger_day_total set own_debit = own_debit + 1 where cooperative_id = " + coop.id()))
                .hasStackTraceContaining("maintained by the posting trigger only");
        assertThatThrownBy(() -> dsl.execute("insert into ledger_month_total (cooperative_id, account_id, month, own_debit) "
                + "select cooperative_id, id, date '2020-01-01', 5 from ledger_account where cooperative_id = " + coop.id()
                + " and code = '1100'")).hasStackTraceContaining("maintained by the posting trigger only");
        assertThat(dsl.select(LEDGER_ACCOUNT.CREDIT_TOTAL).from(LEDGER_ACCOUNT)
                .where(LEDGER_ACCOUNT.COOPERATIVE_ID.eq(coop.id()).and(LEDGER_ACCOUNT.CODE.eq("2100"))).fetchOne().value1())
                .isEqualByComparingTo("10");
    }

    @Test
    void anEntryDatedInAClosedMonthIsRefusedByTheDatabase() throws Exception {
        YearMonth closed = YearMonth.from(today).minusMonths(2);
        periods.close(coop.id(), closed);
        asApp(app -> {
            assertThatThrownBy(() -> insertRaw(app, closed.atDay(15)))
                    .hasStackTraceContaining("in a closed period");
            // the same statement dated after the closed month goes through: only the date was wrong
            assertThat(insertRaw(app, closed.plusMonths(1).atDay(15))).isEqualTo(1);
        });
    }

    /**
     * Checked once per statement by a trigger since changeset 019 (no longer by a foreign key per line):
     * a line names an entry of its own cooperative and an account of its own cooperative and currency.
     */
    @Test
    void aLineNamesAnEntryAndAnAccountOfItsOwnCooperativeAndCurrency() {
        Cooperative other = newCooperative("guard-o-" + UniqueSuffix.next());
        long entry = dsl.fetchOne("select id from journal_entry where cooperative_id = " + coop.id()).get(0, Long.class);
        long cash = chart.account(coop.id(), "1100").id();
        long savings = chart.account(coop.id(), "2100").id();
        long foreignSavings = chart.account(other.id(), "2100").id();
        assertRefusedAsForeignKey(() -> insertLines(entry + 1_000_000, cash, savings, "IDR"), "names entry");
        assertRefusedAsForeignKey(() -> insertLines(entry, cash, foreignSavings, "IDR"), "names account " + foreignSavings);
        assertRefusedAsForeignKey(() -> insertLines(entry, cash, savings, "USD"), "names account " + cash);
        assertThat(chart.account(coop.id(), "1100").debitTotal()).isEqualByComparingTo("10");
    }

    /**
     * Checked once per statement by a trigger since changeset 022 (no longer by two foreign keys per entry):
     * an entry names an existing cooperative and a reversal an entry of its own cooperative; an entry is
     * reversed once (a unique index over the reversals only); a cooperative with entries is never deleted.
     */
    @Test
    void anEntryNamesItsCooperativeAndAReversalAnEntryOfTheSameCooperative() {
        Cooperative other = newCooperative("guard-r-" + UniqueSuffix.next());
        ledger.post(new PostingRequest(other.id(), "guard-other-1", today, "deposit", "MANUAL", null,
                List.of(PostingLine.debit("1100", BigDecimal.ONE), PostingLine.credit("2100", BigDecimal.ONE)), "t"));
        long entry = dsl.fetchOne("select id from journal_entry where cooperative_id = " + coop.id()).get(0, Long.class);
        long othersEntry = dsl.fetchOne("select id from journal_entry where cooperative_id = " + other.id()).get(0, Long.class);
        long noSuchCooperative = dsl.fetchOne("select max(id) + 1000 from cooperative").get(0, Long.class);
        assertRefusedAsForeignKey(() -> insertEntry(noSuchCooperative, null), "names cooperative " + noSuchCooperative);
        assertRefusedAsForeignKey(() -> insertEntry(coop.id(), othersEntry), "reverses entry " + othersEntry);
        assertRefusedAsForeignKey(() -> insertEntry(coop.id(), entry + 1_000_000), "reverses entry " + (entry + 1_000_000));
        assertRefusedAsForeignKey(() -> dsl.execute("delete from cooperative where id = " + coop.id()), "has journal entries");
        assertThatThrownBy(() -> dsl.transaction(tx -> {
            insertEntry(tx.dsl(), coop.id(), entry, 1);
            insertEntry(tx.dsl(), coop.id(), entry, 2);
        })).satisfies(e -> assertThat(sqlState(e)).isEqualTo("23505"));
        assertThat(dsl.fetchCount(dsl.selectFrom("journal_entry").where("reverses_entry_id is not null"))).isZero();
    }

    private void insertEntry(long cooperativeId, Long reverses) {
        insertEntry(dsl, cooperativeId, reverses, 1);
    }

    /** An entry row alone (its statement's checks fire at its end), far past the cooperative's sequence. */
    private static void insertEntry(DSLContext db, long cooperativeId, Long reverses, int n) {
        String hash = "0".repeat(64);
        db.execute("""
                insert into journal_entry (cooperative_id, sequence, idempotency_key, request_hash, booking_date, value_date,
                  description, source_type, reverses_entry_id, reversal_reason, created_by, created_at, line_count, prev_hash,
                  hash, hash_version)
                values (?, ?, ?, ?, current_date, current_date, 'raw', 'MANUAL', ?, ?, 'intruder', now(), 2, ?, ?, 2)""",
                cooperativeId, 900_000L + n, "raw-entry-" + n, hash, reverses, reverses == null ? null : "raw", hash, hash);
    }

    private static void assertRefusedAsForeignKey(ThrowingCallable insert, String reason) {
        assertThatThrownBy(insert).hasStackTraceContaining(reason).satisfies(e -> assertThat(sqlState(e)).isEqualTo("23503"));
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s) {
                return s.getSQLState();
            }
        }
        return null;
    }

    private void insertLines(long entryId, long debitAccount, long creditAccount, String currency) {
        dsl.execute("""
                insert into journal_line (cooperative_id, entry_id, line_no, account_id, side, amount, currency, value_date)
                values (?, ?, 3, ?, 'D', 5, ?, ?), (?, ?, 4, ?, 'C', 5, ?, ?)""",
                coop.id(), entryId, debitAccount, currency, today, coop.id(), entryId, creditAccount, currency, today);
    }

    /** An entry with two lines written in SQL, past the service, as a bug or an intruder would. */
    private int insertRaw(DSLContext app, LocalDate valueDate) {
        long cash = chart.account(coop.id(), "1100").id();
        long savings = chart.account(coop.id(), "2100").id();
        String hash = "0".repeat(64);
        return app.fetch("""
                with e as (
                  insert into journal_entry (cooperative_id, sequence, idempotency_key, request_hash, booking_date, value_date,
                    description, source_type, created_by, created_at, line_count, prev_hash, hash, hash_version)
                  select cooperative_id, last_sequence + 1, 'raw-key-' || (last_sequence + 1), ?, ?, ?, 'raw', 'MANUAL', 'intruder',
                         now(), 2, ?, ?, 2 from ledger_head where cooperative_id = ?
                  returning id, cooperative_id, value_date)
                insert into journal_line (cooperative_id, entry_id, line_no, account_id, side, amount, currency, value_date)
                select e.cooperative_id, e.id, v.line_no, v.account_id, v.side, 5, 'IDR', e.value_date
                  from e, (values (1, ?::bigint, 'D'), (2, ?::bigint, 'C')) as v(line_no, account_id, side)
                returning entry_id""", hash, today, valueDate, hash, hash, coop.id(), cash, savings).size() / 2;
    }
}
