package org.lumbung.platform.db;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.liquibase.LiquibaseDataSource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Connections as the owner of the schema, the role Liquibase migrates with: a backup must read every
 * cooperative's rows (the owner is not held by row-level security, which binds lumbung_app) and a restore
 * must write them with the ledger's triggers switched off. Embedded, that is the migration pool; with an
 * external server, {@code spring.liquibase.user} on {@code spring.liquibase.url} (or the application's URL),
 * or else the application's own connections, which then are the owner's.
 */
@Component
public class OwnerDatabase {

    private final ObjectProvider<DataSource> migration;
    private final DataSource application;
    private final Environment environment;

    public OwnerDatabase(@LiquibaseDataSource ObjectProvider<DataSource> migration, DataSource application,
                         Environment environment) {
        this.migration = migration;
        this.application = application;
        this.environment = environment;
    }

    /** A new connection as the owner; the caller closes it. */
    public Connection open() throws SQLException {
        DataSource owner = migration.getIfAvailable();
        if (owner != null) {
            return owner.getConnection();
        }
        String user = environment.getProperty("spring.liquibase.user");
        if (StringUtils.hasText(user)) {
            String url = environment.getProperty("spring.liquibase.url", environment.getProperty("spring.datasource.url", ""));
            return DriverManager.getConnection(url, user, environment.getProperty("spring.liquibase.password", ""));
        }
        return application.getConnection();
    }
}
