package org.lumbung.sampledata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.platform.Startup;
import org.lumbung.platform.db.TableStatistics;
import org.lumbung.security.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.OrderComparator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the sample cooperative of {@code sample-data/} into an empty database through the same services
 * a treasurer uses: every {@link SampleDataContributor} bean in order, in one transaction, then the
 * timeline they planned (see {@link SampleData#book}). Enabled with {@code lumbung.sample-data.enabled=true}
 * (the application's default); it never touches a database that already has a cooperative.
 */
@Component
@ConditionalOnProperty(name = "lumbung.sample-data.enabled", havingValue = "true")
public class SampleDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SampleDataLoader.class);

    private final CooperativeService cooperatives;
    private final List<SampleDataContributor> contributors;
    private final TableStatistics statistics;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final Startup startup;
    private final Clock clock;

    public SampleDataLoader(CooperativeService cooperatives, List<SampleDataContributor> contributors,
                            TableStatistics statistics, TransactionTemplate transaction, ObjectMapper json,
                            Startup startup, Clock clock) {
        this.cooperatives = cooperatives;
        List<SampleDataContributor> ordered = new ArrayList<>(contributors);
        ordered.sort(OrderComparator.INSTANCE);
        this.contributors = List.copyOf(ordered);
        this.statistics = statistics;
        this.transaction = transaction;
        this.json = json;
        this.startup = startup;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        // the system itself loads the sample: signed in as "system", every cooperative in scope
        startup.loading();
        try {
            SystemActor.run(() -> {
                if (cooperatives.count() == 0) {
                    long start = System.nanoTime();
                    load();
                    log.info("loaded the sample cooperative in {} ms", (System.nanoTime() - start) / 1_000_000);
                }
                return null;
            });
        } finally {
            startup.ready();
        }
    }

    private void load() {
        JsonNode json = readJson("cooperative.json");
        ZoneId zone = ZoneId.of(json.get("cooperative").get("timeZone").asText());
        SampleData sample = new SampleData(json, LocalDate.now(clock.withZone(zone)));
        transaction.executeWithoutResult(status -> contributors.forEach(c -> {
            long start = System.nanoTime();
            c.contribute(sample);
            log.info("sample: {} planned in {} ms", c.getClass().getSimpleName(), (System.nanoTime() - start) / 1_000_000);
        }));
        sample.book(transaction, statistics);
        log.info("sample: timeline events by planner (ms): {}", sample.eventMillis());
    }

    private JsonNode readJson(String name) {
        try (InputStream in = SampleData.open(name)) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
