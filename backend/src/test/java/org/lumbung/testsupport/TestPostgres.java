package org.lumbung.testsupport;

import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.lumbung.platform.db.EmbeddedPostgresServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The real PostgreSQL of the test suite: one embedded PostgreSQL 17 per test JVM (started once, on a
 * temporary data directory, without fsync), or an external server when {@code LUMBUNG_TEST_DB_URL}
 * (a JDBC URL of a maintenance database, e.g. jdbc:postgresql://localhost:5432/postgres) is set, with
 * {@code LUMBUNG_TEST_DB_USER} / {@code LUMBUNG_TEST_DB_PASSWORD}; the user must be allowed to create
 * databases. The changelog is applied once to a template database; every test class gets its own fresh
 * database cloned from it in about 100 ms, so test classes never see each other's rows.
 */
public final class TestPostgres {

    public record Database(String url, String user, String password, String name) {
    }

    /**
     * The application role's password on the test server. The throw-away test server sets this known one
     * (tests connect as lumbung_app to prove what it may not do); the application's own server generates
     * a random one ({@link org.lumbung.platform.db.DatabasePasswords}).
     */
    public static final String APP_PASSWORD = "lumbung";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final List<String> CREATED = new ArrayList<>();
    private static String adminUrl;
    private static String user;
    private static String password;
    private static String template;
    private static EmbeddedPostgresServer server;

    private TestPostgres() {
    }

    /** A new database with the full schema, for one test class. */
    public static synchronized Database freshDatabase() {
        boot();
        return copyOf(template);
    }

    /** A new database that starts as a copy of {@code source}, which no one may be connected to. */
    public static synchronized Database copyOf(String source) {
        boot();
        String name = "lumbung_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute("create database " + name + " template " + source);
        CREATED.add(name);
        return new Database(urlOf(name), user, password, name);
    }

    /** Runs SQL on the maintenance database (as the superuser of the embedded server). */
    public static synchronized void execute(String sql) {
        boot();
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static boolean embedded() {
        return System.getenv("LUMBUNG_TEST_DB_URL") == null || System.getenv("LUMBUNG_TEST_DB_URL").isBlank();
    }

    private static void boot() {
        if (adminUrl != null) {
            return;
        }
        if (embedded()) {
            try {
                Path dir = Files.createTempDirectory("lumbung-test-pg");
                server = EmbeddedPostgresServer.start(dir, 0, false);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    server.close();
                    deleteTree(dir);
                }));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            adminUrl = server.jdbcUrl("postgres");
            user = "postgres";
            password = server.passwords().owner();
            execute("alter role lumbung_app password '" + APP_PASSWORD + "'");
        } else {
            adminUrl = System.getenv("LUMBUNG_TEST_DB_URL");
            user = System.getenv().getOrDefault("LUMBUNG_TEST_DB_USER", "postgres");
            password = System.getenv().getOrDefault("LUMBUNG_TEST_DB_PASSWORD", "");
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropCreated));
        }
        template = "lumbung_template_" + ProcessHandle.current().pid();
        execute("drop database if exists " + template);
        execute("create database " + template);
        CREATED.add(template);
        migrate(urlOf(template));
    }

    private static void migrate(String url) {
        migrate(url, user, password);
    }

    /** Applies the Liquibase changelog to the database at {@code url}. */
    public static void migrate(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password);
             Liquibase liquibase = new Liquibase("db/changelog/db.changelog-master.yaml", new ClassLoaderResourceAccessor(),
                     DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c)))) {
            liquibase.update("");
        } catch (Exception e) {
            throw new IllegalStateException("could not apply the changelog to " + url, e);
        }
    }

    private static String urlOf(String database) {
        int slash = adminUrl.lastIndexOf('/');
        int query = adminUrl.indexOf('?', slash);
        // a user in the URL would override the user each connection names (the app's role or the owner)
        String parameters = query < 0 ? "" : adminUrl.substring(query).replaceAll("([?&])user=[^&]*&?", "$1")
                .replaceAll("[?&]$", "");
        return adminUrl.substring(0, slash + 1) + database + parameters;
    }

    private static void dropCreated() {
        for (String name : CREATED) {
            try {
                execute("drop database if exists " + name + " with (force)");
            } catch (RuntimeException ignored) {
                // best effort on an external server
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
