package org.lumbung.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL asks every connection for its password: the owner's and the application's are
 * random, kept in the data directory for its owner only; a data directory of an older Lumbung, which
 * trusted every local connection, gets them on its next start and keeps its data.
 */
class EmbeddedPostgresPasswordsTest {

    @Test
    void aNewDataDirectoryAsksEveryConnectionForItsPassword(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, false)) {
            DatabasePasswords passwords = server.passwords();
            assertThat(passwords.owner()).hasSize(43).isNotEqualTo(passwords.app());
            assertThat(DatabasePasswords.read(data.resolve(DatabasePasswords.FILE_NAME))).isEqualTo(passwords);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(DatabasePasswords.FILE_NAME))))
                        .isEqualTo("rw-------");
            }
            String url = server.jdbcUrl("lumbung");
            assertRefused(url, "postgres", "");
            assertRefused(url, "postgres", "postgres");
            assertRefused(url, "lumbung_app", "lumbung");
            assertThat(query(url, "postgres", passwords.owner(), "show listen_addresses")).isEqualTo("localhost");
            assertThat(query(url, "lumbung_app", passwords.app(), "select current_user")).isEqualTo("lumbung_app");
            assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContainPattern("(?m)^[^#]*\\btrust\\b");
            assertTheBackupCommandReadsThePasswordFile(server.port(), data.resolve(DatabasePasswords.FILE_NAME));
        }
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(data, 0, false)) {
            assertThat(again.passwords()).as("the same passwords at the next start").isEqualTo(
                    DatabasePasswords.read(data.resolve(DatabasePasswords.FILE_NAME)));
            assertThat(query(again.jdbcUrl("lumbung"), "lumbung_app", again.passwords().app(), "select 1")).isEqualTo("1");
        }
    }

    @Test
    void aTrustingDataDirectoryOfAnOlderLumbungGetsPasswordsAndKeepsItsData(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        // what the earlier EmbeddedPostgresServer created: initdb -A trust, lumbung_app with password 'lumbung'
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
             Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create role lumbung_app login password 'lumbung'");
            s.execute("create table savings (member text, amount numeric)");
            s.execute("insert into savings values ('Siti Aminah', 150000.00)");
        }
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).containsPattern("(?m)^host.*trust");
        assertThat(data.resolve(DatabasePasswords.FILE_NAME)).doesNotExist();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, false)) {
            DatabasePasswords passwords = DatabasePasswords.read(data.resolve(DatabasePasswords.FILE_NAME));
            assertThat(server.passwords()).isEqualTo(passwords);
            String url = "jdbc:postgresql://localhost:" + server.port() + "/postgres";
            assertRefused(url, "postgres", "");
            assertRefused(url, "postgres", "anything");
            assertRefused(url, "lumbung_app", "lumbung");
            assertThat(query(url, "postgres", passwords.owner(), "select member || ' ' || amount from savings"))
                    .isEqualTo("Siti Aminah 150000.00");
            assertThat(query(url, "lumbung_app", passwords.app(), "select current_user")).isEqualTo("lumbung_app");
        }
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(data, 0, false)) {
            assertRefused("jdbc:postgresql://localhost:" + again.port() + "/postgres", "postgres", "");
            assertThat(query("jdbc:postgresql://localhost:" + again.port() + "/postgres", "postgres", again.passwords().owner(),
                    "select count(*) from savings")).isEqualTo("1");
        }
    }

    @Test
    void aDataDirectoryThatAsksForPasswordsButLostThemIsNotStartedBlindly(@TempDir Path dir) {
        Path data = dir.resolve("postgres");
        EmbeddedPostgresServer.start(data, 0, false).close();
        assertThat(data.resolve(DatabasePasswords.FILE_NAME).toFile().delete()).isTrue();
        assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, 0, false))
                .hasMessageContaining(DatabasePasswords.FILE_NAME).hasMessageContaining("missing");
    }

    /** The README's backup connects the way libpq clients do: with PGPASSFILE pointing at the file. */
    private static void assertTheBackupCommandReadsThePasswordFile(int port, Path passwordFile) throws Exception {
        Path psql = Path.of("/usr/bin/psql");
        if (!Files.isExecutable(psql)) {
            return; // no PostgreSQL client on this machine: the JDBC checks above stand
        }
        assertThat(psql(psql, port, passwordFile)).isEqualTo("1");
        assertThat(psql(psql, port, null)).as("without the file: refused").isNotEqualTo("1");
    }

    private static String psql(Path psql, int port, Path passwordFile) throws Exception {
        ProcessBuilder command = new ProcessBuilder(psql.toString(), "-w", "-h", "localhost", "-p", Integer.toString(port),
                "-U", "postgres", "-d", "lumbung", "-tAc", "select 1").redirectErrorStream(true);
        command.environment().remove("PGPASSWORD");
        command.environment().put("PGPASSFILE", passwordFile == null ? "/nonexistent" : passwordFile.toString());
        Process process = command.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        process.waitFor();
        return output;
    }

    private static void assertRefused(String url, String user, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(url, user, password).close())
                .as("%s with password '%s'", user, password).isInstanceOf(SQLException.class);
    }

    private static String query(String url, String user, String password, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
