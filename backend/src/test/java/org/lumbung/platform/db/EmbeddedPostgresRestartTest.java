package org.lumbung.platform.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application is killed with SIGKILL while its embedded PostgreSQL runs: the server process lives on.
 * The next start stops that orphan and recovers the same data; a clean stop and start keeps it too.
 */
class EmbeddedPostgresRestartTest {

    /** The "application" of the test: starts the server, writes a row, says READY, waits to be killed. */
    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), 0, true);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("lumbung"), "postgres", server.passwords().owner());
             Statement s = c.createStatement()) {
            s.execute("create table if not exists savings (member text, amount numeric)");
            s.execute("insert into savings values ('Siti Aminah', 150000.00)");
        }
        System.out.println("READY " + Files.readAllLines(Path.of(args[0], "postmaster.pid")).get(0).trim());
        System.out.flush();
        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
    }

    @Test
    void afterAKillTheNextStartRecoversTheSameData(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedPostgresRestartTest.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long orphanPid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            while (line != null && !line.startsWith("READY ")) {
                line = out.readLine();
            }
            assertThat(line).as("the child started PostgreSQL").isNotNull();
            orphanPid = Long.parseLong(line.substring(6));
        }
        app.destroyForcibly();
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).as("PostgreSQL outlived the killed app").contains(true);

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, true)) {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(savings(server)).isEqualTo("Siti Aminah 150000.00");
        }
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(data, 0, true)) {
            assertThat(savings(again)).isEqualTo("Siti Aminah 150000.00");
        }
    }

    private static String savings(EmbeddedPostgresServer server) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("lumbung"), "postgres", server.passwords().owner());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select member, amount from savings")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1) + " " + rs.getBigDecimal(2).toPlainString();
        }
    }
}
