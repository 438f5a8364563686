package org.lumbung.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring test context, as the owner, at its own copy of the sample cooperative ({@link SampleDatabase}):
 * for tests that read or change the sample as of today, not for the test of the sample's loading itself.
 */
public class SampleDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPostgres.Database db = SampleDatabase.fresh(context.getEnvironment());
        TestPropertyValues.of(
                "spring.datasource.url=" + db.url(),
                "spring.datasource.username=" + db.user(),
                "spring.datasource.password=" + db.password(),
                "spring.jooq.sql-dialect=postgres"
        ).applyTo(context);
    }
}
