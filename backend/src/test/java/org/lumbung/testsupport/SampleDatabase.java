package org.lumbung.testsupport;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample cooperative for test contexts that start the application with its sample, loaded once per test JVM
 * and then copied: loading it runs a year and a half of the cooperative's days through the services (about a
 * minute on two cores), while copying a database takes a fraction of a second. Every context still gets its own
 * database, so no context sees another's rows. The sample is loaded exactly as the application does it: by the
 * sample loader of a backend context connected as the application's role, with the {@code lumbung.*} settings of
 * the first context that asks; the loader leaves a database with a cooperative alone, so the copy is not loaded again.
 */
public final class SampleDatabase {

    private static String loaded;

    private SampleDatabase() {
    }

    /** A new database holding the sample cooperative. */
    public static synchronized TestPostgres.Database fresh(ConfigurableEnvironment settings) {
        if (loaded == null) {
            loaded = load(settings);
        }
        return TestPostgres.copyOf(loaded);
    }

    private static String load(ConfigurableEnvironment settings) {
        TestPostgres.Database db = TestPostgres.freshDatabase();
        List<String> properties = new ArrayList<>(lumbungSettings(settings));
        properties.addAll(AppRoleDatabaseInitializer.connection(db));
        properties.addAll(List.of("lumbung.sample-data.enabled=true", "spring.liquibase.enabled=false", "server.port=0",
                "logging.level.root=WARN", "logging.level.org.lumbung.sampledata=INFO"));
        // the context is closed before the copy: PostgreSQL copies only a database no one is connected to
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(BackendTestApplication.class)
                .web(WebApplicationType.SERVLET).properties(properties.toArray(String[]::new)).run()) {
            return db.name();
        }
    }

    /** The {@code lumbung.*} settings the asking context resolves, which the sample's services may read. */
    private static List<String> lumbungSettings(ConfigurableEnvironment settings) {
        Map<String, String> found = new LinkedHashMap<>();
        settings.getPropertySources().stream().filter(EnumerablePropertySource.class::isInstance)
                .flatMap(source -> List.of(((EnumerablePropertySource<?>) source).getPropertyNames()).stream())
                .filter(name -> name.startsWith("lumbung.") && !name.startsWith("lumbung.sample-data."))
                .forEach(name -> found.putIfAbsent(name, settings.getProperty(name)));
        return found.entrySet().stream().filter(e -> e.getValue() != null).map(e -> e.getKey() + "=" + e.getValue()).toList();
    }
}
