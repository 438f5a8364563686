package org.lumbung.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.liquibase.LiquibaseDataSource;
import org.springframework.context.annotation.Primary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * The default database: with no {@code spring.datasource.url} configured, Lumbung starts its embedded
 * PostgreSQL on {@code lumbung.embedded-postgres.data-dir} (default {@code ./data/postgres}) and port
 * {@code lumbung.embedded-postgres.port} (default 15432), each role with its own password from the data
 * directory ({@link DatabasePasswords}). With a URL set, none of this exists.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(
            @Value("${lumbung.embedded-postgres.data-dir:./data/postgres}") String dataDir,
            @Value("${lumbung.embedded-postgres.port:15432}") int port) {
        Path directory = Path.of(dataDir).toAbsolutePath().normalize();
        long start = System.nanoTime();
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, port, true);
        log.info("embedded PostgreSQL 17 on port {} with data in {} (started in {} ms)",
                server.port(), directory, (System.nanoTime() - start) / 1_000_000);
        return server;
    }

    /**
     * The application's connections, as the non-owner role lumbung_app so that row-level security
     * applies. The pool starts on first use: the role is created by the migration that runs first.
     */
    @Bean(destroyMethod = "close")
    @Primary
    DataSource dataSource(EmbeddedPostgresServer server,
                          @Value("${lumbung.embedded-postgres.database:lumbung}") String database,
                          @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(server.jdbcUrl(database));
        pool.setUsername("lumbung_app");
        pool.setPassword(server.passwords().app());
        pool.setMaximumPoolSize(poolSize);
        pool.setPoolName("lumbung-embedded");
        return pool;
    }

    /** Liquibase migrates as the owner of the schema. */
    @Bean(destroyMethod = "close")
    @LiquibaseDataSource
    DataSource migrationDataSource(EmbeddedPostgresServer server,
                                   @Value("${lumbung.embedded-postgres.database:lumbung}") String database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl(database));
        config.setUsername("postgres");
        config.setPassword(server.passwords().owner());
        config.setMaximumPoolSize(1);
        config.setPoolName("lumbung-migration");
        return new HikariDataSource(config);
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
