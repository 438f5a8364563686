package org.lumbung.platform.db;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.lumbung.testsupport.BackendTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application's own path, as it starts without a configured database: the embedded server on its data
 * directory, Liquibase as the owner and the application as lumbung_app, both with the generated passwords
 * of the data directory; the migration's default password of lumbung_app never applies here.
 */
@SpringBootTest(classes = BackendTestApplication.class, properties = {"lumbung.sample-data.enabled=false",
        "lumbung.embedded-postgres.port=0"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EmbeddedDatabaseConfigurationTest {

    private static final Path DATA = temporaryDirectory();

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("lumbung.embedded-postgres.data-dir", () -> DATA.resolve("postgres").toString());
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    EmbeddedPostgresServer server;

    @Test
    void theApplicationConnectsAsLumbungAppWithTheGeneratedPasswordAndNothingElseGetsIn() throws SQLException {
        DatabasePasswords stored = DatabasePasswords.read(DATA.resolve("postgres").resolve(DatabasePasswords.FILE_NAME));
        assertThat(server.passwords()).isEqualTo(stored);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("lumbung_app");
        }
        String url = server.jdbcUrl("lumbung");
        for (String[] attempt : new String[][]{{"lumbung_app", "lumbung"}, {"postgres", "postgres"}, {"postgres", ""}}) {
            assertThatThrownBy(() -> DriverManager.getConnection(url, attempt[0], attempt[1]).close())
                    .as("%s / '%s'", attempt[0], attempt[1]).isInstanceOf(SQLException.class);
        }
        try (Connection owner = DriverManager.getConnection(url, "postgres", stored.owner()); Statement s = owner.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from databasechangelog")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("Liquibase migrated as the owner").isPositive();
        }
    }

    @AfterAll
    static void deleteData() {
        // the context (and its server) closes after the class; the directory goes with the JVM at the latest
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Stream<Path> walk = Files.walk(DATA)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory
            }
        }));
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("lumbung-app-pg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
