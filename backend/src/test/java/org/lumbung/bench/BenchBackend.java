package org.lumbung.bench;

import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.cooperative.NewCooperative;
import org.lumbung.platform.db.EmbeddedPostgresServer;
import org.lumbung.security.SystemActor;
import org.lumbung.testsupport.BackendTestApplication;
import org.lumbung.testsupport.TestPostgres;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What the service-level benchmarks share: a fresh embedded PostgreSQL 17 (fsync on) in a temporary folder, the
 * schema migrated, the backend's Spring context on it without sample data, the body run as the system, and the
 * folder removed afterwards whatever happened.
 */
final class BenchBackend {

    private BenchBackend() {
    }

    static void run(String name, Consumer<ConfigurableApplicationContext> body) throws Exception {
        Path data = Files.createTempDirectory("lumbung-bench-" + name);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, true)) {
            String url = server.jdbcUrl("bench");
            String password = server.passwords().owner();
            TestPostgres.migrate(url, "postgres", password);
            try (ConfigurableApplicationContext spring = new SpringApplicationBuilder(BackendTestApplication.class)
                    .web(WebApplicationType.SERVLET)
                    .properties("spring.datasource.url=" + url, "spring.datasource.username=postgres",
                            "spring.datasource.password=" + password, "spring.liquibase.enabled=false",
                            "lumbung.sample-data.enabled=false", "spring.datasource.hikari.maximum-pool-size=4", "server.port=0",
                            "logging.level.root=WARN")
                    .run()) {
                SystemActor.run(() -> {
                    body.accept(spring);
                    return null;
                });
            }
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The benchmarks' cooperative: an Indonesian one, in rupiah. */
    static Cooperative cooperative(ConfigurableApplicationContext spring) {
        return spring.getBean(CooperativeService.class).create(new NewCooperative("bench", "KSP Bench", "Ngrupit",
                "Ponorogo", "Jawa Timur", "ID", "IDR", "id", "Asia/Jakarta"));
    }
}
