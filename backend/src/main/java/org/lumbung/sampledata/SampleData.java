package org.lumbung.sampledata;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.db.TableStatistics;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the contributors of the sample share: {@code sample-data/cooperative.json}, the cooperative once
 * the first contributor founded it, what one contributor hands the next (by type, e.g. the registered
 * members), and the timeline of dated events booked after all contributors ran.
 * <p>
 * The files' dates are written as of {@code history.until} (the sample's last day); the timeline moves them
 * all by the same number of days so that it ends on the day of the first start ({@link #date}): a new user
 * sees a living cooperative whose last two years end today, and a machine whose clock is earlier than the
 * files' dates still loads a sample that lies wholly in its past.
 */
public final class SampleData {

    /**
     * Events of one day in this order: deposits 0, the general journal 1, … interest runs 9, last. An event
     * that commits its own work (a bulk job of the ledger) runs outside the timeline's transactions.
     */
    private record Event(LocalDate date, int order, Runnable action, boolean ownTransactions) {
    }

    private static final int EVENTS_PER_TRANSACTION = 250;

    private final JsonNode json;
    private final Map<Class<?>, Object> shared = new HashMap<>();
    private final List<Event> timeline = new ArrayList<>();
    private final List<Runnable> afterwards = new ArrayList<>();
    private final LocalDate today;
    private final long shiftDays;
    private @Nullable Cooperative cooperative;
    /** Events booked since the statistics were last refreshed (the first chunk refreshes them). */
    private int sinceRefresh = EVENTS_PER_TRANSACTION;
    /** Nanoseconds spent in each contributor's events (by the class that planned them), for the loader's log. */
    private final Map<String, Long> eventNanos = new TreeMap<>();

    SampleData(JsonNode json, LocalDate today) {
        this.json = json;
        this.today = today;
        this.shiftDays = ChronoUnit.DAYS.between(LocalDate.parse(json.get("history").get("until").asText()), today);
    }

    /** The day of the first start, at the cooperative's office: the sample's last day. */
    public LocalDate today() {
        return today;
    }

    /** A date of the sample's files, moved onto the timeline that ends today. */
    public LocalDate date(LocalDate written) {
        return written.plusDays(shiftDays);
    }

    /** {@code sample-data/cooperative.json}. */
    public JsonNode json() {
        return json;
    }

    public Cooperative cooperative() {
        if (cooperative == null) {
            throw new IllegalStateException("no contributor has founded the sample cooperative yet");
        }
        return cooperative;
    }

    void founded(Cooperative cooperative) {
        this.cooperative = cooperative;
    }

    /** Hands something to the contributors that run later, which ask for it by its type. */
    public <T> void share(Class<T> type, T value) {
        shared.put(type, value);
    }

    public <T> T shared(Class<T> type) {
        Object value = shared.get(type);
        if (value == null) {
            throw new IllegalStateException("no contributor has shared a " + type.getSimpleName() + " yet");
        }
        return type.cast(value);
    }

    /** Books the action on its day, after the day's events of a lower order. */
    public void on(LocalDate date, int order, Runnable action) {
        timeline.add(new Event(date, order, action, false));
    }

    /** Books the action on its day like {@link #on}, outside any transaction: it commits its own work. */
    public void onItsOwn(LocalDate date, int order, Runnable action) {
        timeline.add(new Event(date, order, action, true));
    }

    /** Runs once the whole timeline is booked, in its own transaction. */
    public void afterwards(Runnable action) {
        afterwards.add(action);
    }

    /**
     * Books the timeline in date order, a few hundred events per transaction. One transaction for all of
     * it would update the cash account's row thousands of times, and PostgreSQL cannot prune the old row
     * versions before the commit: every posting would walk a longer chain than the one before. The
     * planner's statistics are refreshed as the tables grow (see {@link TableStatistics}): once per
     * {@value #EVENTS_PER_TRANSACTION} events, not per chunk — events that commit their own work (the
     * daily close of business) cut the timeline into many small chunks, and six ANALYZEs each cost more
     * than a small chunk's events.
     */
    void book(TransactionTemplate transaction, TableStatistics statistics) {
        timeline.sort(Comparator.comparing(Event::date).thenComparingInt(Event::order));
        List<Event> chunk = new ArrayList<>();
        for (Event e : timeline) {
            if (e.ownTransactions()) {
                bookChunk(transaction, statistics, chunk);
                run(e);
            } else {
                chunk.add(e);
                if (chunk.size() == EVENTS_PER_TRANSACTION) {
                    bookChunk(transaction, statistics, chunk);
                }
            }
        }
        bookChunk(transaction, statistics, chunk);
        afterwards.forEach(action -> transaction.executeWithoutResult(status -> action.run()));
    }

    private void bookChunk(TransactionTemplate transaction, TableStatistics statistics, List<Event> chunk) {
        if (!chunk.isEmpty()) {
            boolean refresh = sinceRefresh >= EVENTS_PER_TRANSACTION;
            sinceRefresh = (refresh ? 0 : sinceRefresh) + chunk.size();
            transaction.executeWithoutResult(status -> {
                if (refresh) {
                    statistics.refresh();
                }
                chunk.forEach(this::run);
            });
            chunk.clear();
        }
    }

    private void run(Event e) {
        long start = System.nanoTime();
        e.action().run();
        String planner = e.action().getClass().getSimpleName();
        eventNanos.merge(planner.contains("$$") ? planner.substring(0, planner.indexOf("$$")) : planner,
                System.nanoTime() - start, Long::sum);
    }

    /** Milliseconds spent in each contributor's timeline events, by the class that planned them. */
    Map<String, Long> eventMillis() {
        Map<String, Long> millis = new TreeMap<>();
        eventNanos.forEach((k, v) -> millis.put(k, v / 1_000_000));
        return millis;
    }

    /** Rows of a ';'-separated file of {@code sample-data/} with a header line; '#' lines are comments. */
    public static List<String[]> csv(String name) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(name), StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(line.split(";", -1));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream open(String name) {
        InputStream in = SampleData.class.getResourceAsStream("/sample-data/" + name);
        if (in == null) {
            throw new IllegalStateException("sample-data/" + name + " is not on the class path");
        }
        return in;
    }
}
