package org.lumbung.security;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.cooperative.NewCooperative;
import org.lumbung.testsupport.AppRoleDatabaseInitializer;
import org.lumbung.testsupport.BackendTestApplication;
import org.lumbung.testsupport.TestPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import java.sql.Connection;
import java.sql.DriverManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lumbung.db.jooq.Tables.API_TOKEN;
import static org.lumbung.db.jooq.Tables.APP_USER;

/**
 * What the application role lumbung_app may do to sign-ins, API tokens and Liquibase's bookkeeping: the
 * services (running as lumbung_app here) keep working, while a raw connection as lumbung_app cannot give
 * anyone another role or cooperative, delete a sign-in, un-revoke or re-scope a token, or touch the
 * changelog.
 */
@SpringBootTest(classes = BackendTestApplication.class, properties = "lumbung.sample-data.enabled=false")
@ContextConfiguration(initializers = AppRoleDatabaseInitializer.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AppRoleGuardsTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    CooperativeService cooperatives;
    @Autowired
    UserService users;
    @Autowired
    ApiTokens tokens;

    @Test
    void lumbungAppChangesSignInsAndTokensOnlyAsTheApplicationDoes() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestPostgres.embedded(), "the lumbung_app role exists on the embedded test server");
        Cooperative coop = SystemActor.run(() -> cooperatives.create(new NewCooperative("guards", "Koperasi Guards", "Ngrupit",
                "Ponorogo", "Jawa Timur", "ID", "IDR", "id", "Asia/Jakarta")));
        UserAccount treasurer = SystemActor.run(() -> users.create(new NewUser("bendahara.guards", "Ibu Bendahara",
                Role.TREASURER, coop.id(), "id", null), "padi menguning di sawah"));
        ApiTokens.Created token = SystemActor.run(() -> tokens.create(coop.id(), "bank feed", Role.AUDITOR));
        assertThat(token.token().createdBy()).as("the creator is read from the sign-in").isEqualTo(SystemActor.NAME);
        // the services, connected as lumbung_app, still do their work
        assertThat(tokens.authenticate(token.secret())).isPresent();
        SystemActor.run(() -> {
            users.setEnabled(treasurer.id(), false);
            tokens.revoke(token.token().id());
            return null;
        });
        assertThat(tokens.authenticate(token.secret())).isEmpty();

        String url = dsl.connectionResult(c -> c.getMetaData().getURL());
        try (Connection connection = DriverManager.getConnection(url, "lumbung_app", TestPostgres.APP_PASSWORD)) {
            DSLContext app = DSL.using(connection, SQLDialect.POSTGRES);
            assertThat(app.fetchValue("select current_user")).isEqualTo("lumbung_app");
            assertRefused(() -> app.update(APP_USER).set(APP_USER.ROLE, "ADMIN").where(APP_USER.ID.eq(treasurer.id())).execute());
            assertRefused(() -> app.update(APP_USER).setNull(APP_USER.COOPERATIVE_ID).where(APP_USER.ID.eq(treasurer.id())).execute());
            assertRefused(() -> app.update(APP_USER).set(APP_USER.DISTRICT, "Ponorogo").where(APP_USER.ID.eq(treasurer.id())).execute());
            assertRefused(() -> app.deleteFrom(APP_USER).where(APP_USER.ID.eq(treasurer.id())).execute());
            assertRefused(() -> app.execute("truncate app_user cascade"));
            assertThat(app.update(APP_USER).set(APP_USER.LOCALE, "en").where(APP_USER.ID.eq(treasurer.id())).execute())
                    .as("what the application changes, it still may").isEqualTo(1);

            assertRefused(() -> app.update(API_TOKEN).setNull(API_TOKEN.REVOKED_AT).where(API_TOKEN.ID.eq(token.token().id())).execute());
            assertRefused(() -> app.update(API_TOKEN).set(API_TOKEN.ROLE, "CHAIR").execute());
            assertRefused(() -> app.deleteFrom(API_TOKEN).execute());
            assertThat(app.fetchValue("select lumbung_revoke_api_token({0}, now())", token.token().id()))
                    .as("revoked once, revoked for good").isNull();

            assertRefused(() -> app.execute("select count(*) from databasechangelog"));
            assertRefused(() -> app.execute("delete from databasechangelog"));
            assertRefused(() -> app.execute("update databasechangeloglock set locked = true"));
        }
        assertThat(dsl.select(APP_USER.ROLE).from(APP_USER).where(APP_USER.ID.eq(treasurer.id())).fetchOne(APP_USER.ROLE))
                .isEqualTo("TREASURER");
    }

    private static void assertRefused(Runnable statement) {
        assertThatThrownBy(statement::run).hasMessageContaining("permission denied");
    }
}
