package org.lumbung.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL 17 server run from the binaries inside the application (no installation), on a persistent
 * data directory. Also works as root: the zonky binaries start the server as the current user.
 *
 * <p>After a kill -9 of the application the server process it started lives on, holding the data
 * directory. {@link #start} finds it through {@code postmaster.pid} and stops it first (a smart shutdown:
 * the dead application holds no connections), so the next start recovers the same data.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts the server on {@code dataDirectory} (created and initialised when empty) and port.
     *
     * @param durable false only for throw-away test databases: skips fsync for speed
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean durable) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedServer(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("max_connections", "100")
                    // a young ledger needs fresh statistics soon (see changeset 007-ledger-analyze-early)
                    .setServerConfig("autovacuum_naptime", "15s")
                    .setServerConfig("timezone", "UTC");
            if (port > 0) {
                builder.setPort(port);
            }
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /**
     * JDBC URL of {@code database}, created on first use. Without a user in it: each connection says
     * who it is (the application's role or the owner), and a user in the URL would override that.
     */
    public String jdbcUrl(String database) {
        ensureDatabase(database);
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    private void ensureDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("unsafe database name: " + database);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("embedded PostgreSQL did not stop cleanly", e);
        }
    }

    /** Stops a server left running by a previous process that was killed, if there is one. */
    static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (RuntimeException e) {
            return; // unreadable or empty: PostgreSQL itself will judge the stale file
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (process.isEmpty()) {
            return;
        }
        log.warn("found PostgreSQL (pid {}) still running on {} from an earlier run; stopping it", pid, dataDirectory);
        ProcessHandle server = process.get();
        server.destroy(); // SIGTERM: smart shutdown, checkpoint and clean exit
        try {
            server.onExit().get(ORPHAN_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("PostgreSQL (pid {}) did not stop within {}; killing it, it will recover from its WAL",
                    pid, ORPHAN_STOP_TIMEOUT);
            server.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("waiting for PostgreSQL (pid {}) failed", pid, e);
        }
    }
}
