package org.lumbung.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;

/**
 * A fresh database where the application connects as it does in production: as the non-owner role
 * lumbung_app, so PostgreSQL's row-level security applies, while Liquibase migrates as the owner.
 * On an external test server without that role, it falls back to the test user.
 */
public class AppRoleDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        boolean withSample = context.getEnvironment().getProperty("lumbung.sample-data.enabled", Boolean.class, false);
        TestPostgres.Database db = withSample ? SampleDatabase.fresh(context.getEnvironment()) : TestPostgres.freshDatabase();
        TestPropertyValues.of(connection(db)).applyTo(context);
    }

    /** The settings that connect the application to {@code db} as lumbung_app, and Liquibase as the owner. */
    static List<String> connection(TestPostgres.Database db) {
        boolean appRole = TestPostgres.embedded();
        return List.of(
                "spring.datasource.url=" + db.url(),
                "spring.datasource.username=" + (appRole ? "lumbung_app" : db.user()),
                "spring.datasource.password=" + (appRole ? TestPostgres.APP_PASSWORD : db.password()),
                "spring.liquibase.url=" + db.url(),
                "spring.liquibase.user=" + db.user(),
                "spring.liquibase.password=" + db.password(),
                "spring.jooq.sql-dialect=postgres");
    }
}
