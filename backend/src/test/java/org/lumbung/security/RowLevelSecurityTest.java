package org.lumbung.security;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.members.MemberService;
import org.lumbung.members.NewMember;
import org.lumbung.testsupport.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lumbung.db.jooq.Tables.COOPERATIVE;
import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;
import static org.lumbung.db.jooq.Tables.JOURNAL_LINE;
import static org.lumbung.db.jooq.Tables.LEDGER_ACCOUNT;
import static org.lumbung.db.jooq.Tables.MEMBER;

/**
 * PostgreSQL itself keeps cooperatives apart: a raw query without a cooperative filter, in a session of
 * cooperative A as the application's role, sees none of cooperative B's rows and cannot write any.
 */
class RowLevelSecurityTest extends DatabaseTest {

    @Autowired
    LedgerService ledger;
    @Autowired
    MemberService members;

    @Test
    void aQueryThatForgetsItsWhereClauseStillSeesOnlyItsCooperative() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.lumbung.testsupport.TestPostgres.embedded(),
                "the lumbung_app role exists on the embedded test server");
        Cooperative a = newCooperative("rls-a");
        Cooperative b = newCooperative("rls-b");
        for (Cooperative c : List.of(a, b)) {
            members.register(c.id(), NewMember.basic("Siti " + c.code(), "F", "Ngrupit", null, LocalDate.of(2026, 1, 5)));
            ledger.post(new PostingRequest(c.id(), "rls-deposit-" + c.code(), LocalDate.of(2026, 11, 2), "deposit", "MANUAL",
                    null, List.of(PostingLine.debit("1100", BigDecimal.TEN), PostingLine.credit("2100", BigDecimal.TEN)), "t"));
        }
        try (Connection connection = asTheApplication()) {
            DSLContext app = DSL.using(connection, SQLDialect.POSTGRES);

            assertThat(app.fetchValue("select current_user")).isEqualTo("lumbung_app");
            assertThat(app.fetchCount(JOURNAL_ENTRY)).as("no scope set: nothing").isZero();
            assertThat(app.fetchCount(COOPERATIVE)).isZero();

            app.execute("select set_config('lumbung.cooperative_ids', '" + a.id() + "', false)");
            assertThat(app.selectDistinct(JOURNAL_ENTRY.COOPERATIVE_ID).from(JOURNAL_ENTRY).fetch(JOURNAL_ENTRY.COOPERATIVE_ID))
                    .containsExactly(a.id());
            assertThat(app.selectDistinct(JOURNAL_LINE.COOPERATIVE_ID).from(JOURNAL_LINE).fetch(JOURNAL_LINE.COOPERATIVE_ID))
                    .containsExactly(a.id());
            assertThat(app.selectDistinct(LEDGER_ACCOUNT.COOPERATIVE_ID).from(LEDGER_ACCOUNT).fetch(LEDGER_ACCOUNT.COOPERATIVE_ID))
                    .containsExactly(a.id());
            assertThat(app.select(MEMBER.FULL_NAME).from(MEMBER).fetch(MEMBER.FULL_NAME)).containsExactly("Siti rls-a");
            assertThat(app.select(COOPERATIVE.CODE).from(COOPERATIVE).fetch(COOPERATIVE.CODE)).containsExactly("rls-a");

            assertThatThrownBy(() -> app.insertInto(MEMBER).set(MEMBER.COOPERATIVE_ID, b.id()).set(MEMBER.MEMBER_NUMBER, 99)
                    .set(MEMBER.FULL_NAME, "Intruder").set(MEMBER.GENDER, "F").set(MEMBER.JOINED_ON, LocalDate.of(2026, 1, 1))
                    .execute()).hasMessageContaining("row-level security");
            assertThat(app.update(MEMBER).set(MEMBER.PHONE, "0800").where(MEMBER.COOPERATIVE_ID.eq(b.id())).execute())
                    .as("another cooperative's rows are not there to update").isZero();

            app.execute("select set_config('lumbung.cooperative_ids', '*', false)");
            assertThat(app.selectDistinct(JOURNAL_ENTRY.COOPERATIVE_ID).from(JOURNAL_ENTRY).fetch(JOURNAL_ENTRY.COOPERATIVE_ID))
                    .contains(a.id(), b.id());
        }
    }

    /**
     * Each policy reads the session's scope once per statement (a scalar subquery, planned as an InitPlan),
     * not once per row: a batch of a thousand entries would otherwise parse the scope for each of its three
     * thousand rows. Also for tables added after the policies were rewritten (053 brings them to this form).
     */
    @Test
    void everyPolicyReadsTheSessionScopeOncePerStatement() {
        assertThat(dsl.fetch("select tablename || '.' || policyname || ': ' || coalesce(qual, '') || ' / ' || coalesce(with_check, '') "
                + "from pg_policies where schemaname = 'public' and (qual ~ 'lumbung_may_see\\(|NOT lumbung_read_only\\(\\)' "
                + "or with_check ~ 'lumbung_may_see\\(|NOT lumbung_read_only\\(\\)')").into(String.class))
                .as("policies that read the scope per row").isEmpty();
        assertThat(dsl.fetchOne("select count(*) from pg_policies where schemaname = 'public' and policyname = 'cooperative_isolation' "
                + "and qual ~ 'SELECT lumbung_scope_ids\\(\\)'").get(0, Integer.class)).isGreaterThan(40);
    }

    @Test
    void theApplicationsStatementsReadTheScopeInAnInitPlan() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.lumbung.testsupport.TestPostgres.embedded(),
                "the lumbung_app role exists on the embedded test server");
        try (Connection connection = asTheApplication()) {
            DSLContext app = DSL.using(connection, SQLDialect.POSTGRES);
            String plan = String.join("\n", app.fetch("explain (costs off) select entry_id from journal_line").into(String.class));
            assertThat(plan).contains("InitPlan").doesNotContain("string_to_array");
        }
    }

    /** A session of this test's database as the application's role, without a scope yet. */
    private Connection asTheApplication() throws java.sql.SQLException {
        String url = dsl.connectionResult(c -> c.getMetaData().getURL());
        return DriverManager.getConnection(url, "lumbung_app", org.lumbung.testsupport.TestPostgres.APP_PASSWORD);
    }
}
