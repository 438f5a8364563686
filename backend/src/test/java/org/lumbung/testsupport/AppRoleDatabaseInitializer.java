package org.lumbung.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A fresh database where the application connects as it does in production: as the non-owner role
 * lumbung_app, so PostgreSQL's row-level security applies, while Liquibase migrates as the owner.
 * On an external test server without that role, it falls back to the test user.
 */
public class AppRoleDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPostgres.Database db = TestPostgres.freshDatabase();
        boolean appRole = TestPostgres.embedded();
        TestPropertyValues.of(
                "spring.datasource.url=" + db.url(),
                "spring.datasource.username=" + (appRole ? "lumbung_app" : db.user()),
                "spring.datasource.password=" + (appRole ? TestPostgres.APP_PASSWORD : db.password()),
                "spring.liquibase.url=" + db.url(),
                "spring.liquibase.user=" + db.user(),
                "spring.liquibase.password=" + db.password(),
                "spring.jooq.sql-dialect=postgres"
        ).applyTo(context);
    }
}
