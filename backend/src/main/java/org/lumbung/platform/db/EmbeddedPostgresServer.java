package org.lumbung.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
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

    private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(10);

    private final EmbeddedPostgres postgres;
    private final DatabasePasswords passwords;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, DatabasePasswords passwords) {
        this.postgres = postgres;
        this.passwords = passwords;
    }

    /**
     * Starts the server on {@code dataDirectory} (created and initialised when empty) and port.
     * Every connection proves a password ({@code scram-sha-256}), from this machine only; the passwords
     * are kept in the data directory ({@link DatabasePasswords}). A data directory of an older Lumbung,
     * which trusted every local connection, is given passwords on its first start here.
     *
     * @param durable false only for throw-away test databases: skips fsync for speed
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean durable) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedServer(dataDirectory);
            boolean fresh = !Files.exists(dataDirectory.resolve("postgresql.conf"));
            Path passwordFile = DatabasePasswords.file(dataDirectory);
            DatabasePasswords passwords = Files.exists(passwordFile) && !fresh
                    ? DatabasePasswords.read(passwordFile) : DatabasePasswords.generate();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setConnectConfig("password", passwords.owner())
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("max_connections", "100")
                    // a young ledger needs fresh statistics soon (see changeset 007-ledger-analyze-early)
                    .setServerConfig("autovacuum_naptime", "15s")
                    .setServerConfig("timezone", "UTC")
                    // the WAL writer flushes a batch's WAL while the batch is still being written (default: every
                    // 200 ms), so its commit waits for the tail only; it hibernates while nothing is written
                    .setServerConfig("wal_writer_delay", "10ms");
            if (port > 0) {
                builder.setPort(port);
            }
            return fresh ? startFresh(builder, dataDirectory, passwords) : startExisting(builder, dataDirectory, passwords);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** initdb sets the owner's password and password authentication from the start: no trusting moment. */
    private static EmbeddedPostgresServer startFresh(EmbeddedPostgres.Builder builder, Path dataDirectory,
                                                     DatabasePasswords passwords) throws IOException {
        Path initdbPassword = Files.createTempFile("lumbung-initdb", ".pw"); // owner-only where POSIX
        EmbeddedPostgres postgres;
        try {
            Files.writeString(initdbPassword, passwords.owner() + "\n");
            // zonky passes these to initdb after its own "-A trust": the later --auth wins
            postgres = builder.setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", initdbPassword.toString()).start();
        } finally {
            Files.deleteIfExists(initdbPassword);
        }
        passwords.write(DatabasePasswords.file(dataDirectory));
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, passwords);
        server.secure(dataDirectory, false);
        return server;
    }

    private static EmbeddedPostgresServer startExisting(EmbeddedPostgres.Builder builder, Path dataDirectory,
                                                        DatabasePasswords passwords) throws IOException {
        boolean trusting = Files.readAllLines(dataDirectory.resolve("pg_hba.conf")).stream()
                .map(String::strip).anyMatch(line -> !line.startsWith("#") && line.matches(".*\\btrust\\b.*"));
        if (!Files.exists(DatabasePasswords.file(dataDirectory))) {
            if (!trusting) {
                throw new IllegalStateException("the embedded PostgreSQL in " + dataDirectory + " asks for passwords but "
                        + DatabasePasswords.FILE_NAME + " is missing: restore it from the backup of the data directory");
            }
            // written before the roles change, so that a crash half-way leaves passwords that are known
            passwords.write(DatabasePasswords.file(dataDirectory));
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder.start(), passwords);
        server.secure(dataDirectory, trusting);
        return server;
    }

    /**
     * Gives both roles their passwords and replaces pg_hba.conf where it differs from {@link #PG_HBA},
     * then reloads and waits until a connection without a password is refused.
     */
    private void secure(Path dataDirectory, boolean setOwnerPassword) throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            // the driver sends a SCRAM verifier, never the password itself (which a server log could keep)
            PGConnection pg = c.unwrap(PGConnection.class);
            if (setOwnerPassword) {
                log.warn("the data directory {} trusted local connections; giving its roles passwords ({})",
                        dataDirectory, DatabasePasswords.FILE_NAME);
                pg.alterUserPassword(DatabasePasswords.OWNER, passwords.owner().toCharArray(), "scram-sha-256");
            }
            try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + DatabasePasswords.APP + "'")) {
                if (!rs.next()) {
                    s.execute("create role " + DatabasePasswords.APP + " login");
                }
            }
            pg.alterUserPassword(DatabasePasswords.APP, passwords.app().toCharArray(), "scram-sha-256");
            Path hba = dataDirectory.resolve("pg_hba.conf");
            if (!Files.readString(hba).equals(PG_HBA)) {
                Path temporary = hba.resolveSibling("pg_hba.conf.new");
                Files.writeString(temporary, PG_HBA);
                Files.move(temporary, hba, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                s.execute("select pg_reload_conf()");
                awaitPasswordsRequired();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not secure the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** The postmaster reloads its configuration asynchronously: new connections follow within moments. */
    private void awaitPasswordsRequired() {
        long deadline = System.nanoTime() + RELOAD_TIMEOUT.toNanos();
        String url = "jdbc:postgresql://localhost:" + port() + "/postgres";
        while (System.nanoTime() < deadline) {
            try (Connection ignored = DriverManager.getConnection(url, DatabasePasswords.OWNER, "")) {
                Thread.sleep(20);
            } catch (SQLException refused) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("PostgreSQL still accepts connections without a password");
    }

    /** Connections from this machine only, each proving its password; the socket file too. */
    static final String PG_HBA = """
            # Written by Lumbung at every start: every connection proves a password (scram-sha-256).
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            local   all       all                 scram-sha-256
            host    all       all   127.0.0.1/32  scram-sha-256
            host    all       all   ::1/128       scram-sha-256
            """;

    /** The roles' passwords, for the application's connections and backups. */
    public DatabasePasswords passwords() {
        return passwords;
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
