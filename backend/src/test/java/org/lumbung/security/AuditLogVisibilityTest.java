package org.lumbung.security;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.lumbung.audit.AuditFilter;
import org.lumbung.audit.AuditLog;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.testsupport.DatabaseTest;
import org.lumbung.testsupport.TestPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lumbung.db.jooq.Tables.AUDIT_EVENT;

/**
 * The audit log's rows of no cooperative (sign-ins of the administrator and district auditors, failed
 * sign-ins of unknown names) reach whoever may see them, decided by PostgreSQL's row-level security: the
 * administrator all, anyone else their cooperatives' rows and their own; a failed sign-in on a
 * cooperative's account belongs to that cooperative.
 */
class AuditLogVisibilityTest extends DatabaseTest {

    @Autowired
    AuditLog audit;
    @Autowired
    UserService users;
    @Autowired
    org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration authentication;

    @Test
    void rowsOfNoCooperativeAreSeenByTheAdministratorAndByTheirOwnPersonOnly() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestPostgres.embedded(), "the lumbung_app role exists on the embedded test server");
        Cooperative a = newCooperative("vis-a");
        Cooperative b = newCooperative("vis-b");
        audit.recordClaim("vis.admin", null, "SIGN_IN", AuditLog.Outcome.OK, "signed in");
        audit.recordClaim("vis.auditor", null, "SIGN_IN", AuditLog.Outcome.OK, "signed in");
        audit.recordClaim("vis.nobody", null, "SIGN_IN", AuditLog.Outcome.FAILED, "BadCredentialsException");
        audit.recordClaim("vis.chair-a", a.id(), "SIGN_IN", AuditLog.Outcome.OK, "signed in");
        audit.recordClaim("vis.chair-b", b.id(), "SIGN_IN", AuditLog.Outcome.OK, "signed in");
        String url = dsl.connectionResult(c -> c.getMetaData().getURL());
        try (Connection connection = DriverManager.getConnection(url, "lumbung_app", TestPostgres.APP_PASSWORD)) {
            DSLContext app = DSL.using(connection, SQLDialect.POSTGRES);
            assertThat(actorsSeen(app, "*", "vis.admin"))
                    .containsExactlyInAnyOrder("vis.admin", "vis.auditor", "vis.nobody", "vis.chair-a", "vis.chair-b");
            assertThat(actorsSeen(app, Long.toString(a.id()), "vis.auditor")).as("a district auditor: her district's and her own")
                    .containsExactlyInAnyOrder("vis.auditor", "vis.chair-a");
            assertThat(actorsSeen(app, Long.toString(a.id()), "vis.chair-a")).containsExactly("vis.chair-a");
            assertThat(actorsSeen(app, "", "")).as("nobody signed in: nothing").isEmpty();
        }
    }

    @Test
    void aFailedSignInOnACooperativesAccountBelongsToThatCooperative() {
        Cooperative coop = newCooperative("vis-fail");
        users.create(new NewUser("vis.treasurer", "Ibu Bendahara", Role.TREASURER, coop.id(), "id", null), "padi menguning di sawah");
        assertThatThrownBy(() -> authentication.getAuthenticationManager()
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated("vis.treasurer", "salah sekali kata sandinya")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(audit.page(new AuditFilter(coop.id(), "vis.treasurer", "SIGN_IN", LocalDate.now().minusDays(1),
                LocalDate.now().plusDays(1), ZoneId.of("Asia/Jakarta"), null), 0, 10))
                .singleElement().satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo("FAILED");
                    assertThat(e.cooperativeCode()).isEqualTo("vis-fail");
                    assertThat(e.actorName()).isEqualTo("Ibu Bendahara");
                });
        assertThat(audit.count(new AuditFilter(coop.id(), "vis.treasurer", "SIGN_IN", LocalDate.now().plusDays(2), null,
                ZoneId.of("Asia/Jakarta"), null))).as("a date range after it").isZero();
    }

    private static java.util.List<String> actorsSeen(DSLContext app, String cooperatives, String actor) {
        app.execute("select set_config('lumbung.cooperative_ids', {0}, false), set_config('lumbung.actor', {1}, false)",
                DSL.val(cooperatives), DSL.val(actor));
        return app.select(AUDIT_EVENT.ACTOR).from(AUDIT_EVENT).where(AUDIT_EVENT.ACTOR.in("vis.admin", "vis.auditor", "vis.nobody", "vis.chair-a", "vis.chair-b")).fetch(AUDIT_EVENT.ACTOR);
    }
}
