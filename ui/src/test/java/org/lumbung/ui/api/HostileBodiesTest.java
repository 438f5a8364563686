package org.lumbung.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of hostile bodies (over 300: malformed amounts, sides, accounts, dates and texts, broken and
 * ambiguous JSON, null lines and entries) posted to the running application over HTTP, with a real PostgreSQL.
 * Every one is refused with a 4xx problem that has a code and a small body, never a 5xx; nothing is booked:
 * the trial balance and the head of the hash chain are the same afterwards.
 */
class HostileBodiesTest extends HttpApiTestBase {

    static final String TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();
    /** A refusal says what is wrong in a few hundred bytes; it never echoes an expanded input. */
    static final int MAX_PROBLEM_BYTES = 2_000;

    record Hostile(String path, String name, byte[] body) {
    }

    @Test
    void noHostileBodyIsBookedOrAnswersWithA5xx() throws Exception {
        List<Hostile> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(300);
        String trialBalanceBefore = read(BASE + "/trial-balance");
        JsonNode chainBefore = json.readTree(read(BASE + "/ledger/verification"));

        List<String> failures = new ArrayList<>();
        int n = 0;
        for (Hostile h : corpus) {
            RawHttp.Answer answer;
            try {
                answer = http.send("POST", BASE + h.path(), Map.of(
                        "Authorization", RawHttp.basic("treasurer", "demo"), "Idempotency-Key", "hostile-" + (n++),
                        "Content-Type", "application/json", "Accept", "application/json"), h.body());
            } catch (java.io.IOException e) {
                failures.add(h.name() + " → " + e.getMessage());
                continue;
            }
            String why = h.path().endsWith("/batches") ? streamRefusal(answer) : refusalProblem(answer);
            if (why != null) {
                failures.add(h.name() + " → " + answer.status() + " " + why + " "
                        + answer.body().substring(0, Math.min(300, answer.body().length())));
            }
        }
        assertThat(failures).isEmpty();
        assertThat(read(BASE + "/trial-balance")).as("trial balance").isEqualTo(trialBalanceBefore);
        JsonNode chainAfter = json.readTree(read(BASE + "/ledger/verification"));
        assertThat(chainAfter.get("headFingerprint")).isEqualTo(chainBefore.get("headFingerprint"));
        assertThat(chainAfter.get("entriesChecked")).isEqualTo(chainBefore.get("entriesChecked"));
        assertThat(chainAfter.get("ok").asBoolean()).isTrue();
    }

    @Test
    void theCorpusBaseIsBookedSoTheRefusalsAreAboutTheMutations() throws Exception {
        RawHttp.Answer answer = http.send("POST", BASE + "/journal-entries", Map.of(
                "Authorization", RawHttp.basic("treasurer", "demo"), "Idempotency-Key", "hostile-base-0001",
                "Content-Type", "application/json"), entry(line("1100", "\"DEBIT\"", "\"100.00\""),
                line("2100", "\"CREDIT\"", "\"100.00\"")).getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        answer = http.send("POST", BASE + "/journal-entries/batch", Map.of(
                "Authorization", RawHttp.basic("treasurer", "demo"), "Content-Type", "application/json"),
                batch("\"1\"", "\"100.00\"").getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    /**
     * Four clients sending huge exponents without pause while a teller posts 20 honest entries: the teller's
     * entries are all booked and every hostile body is a small refusal (once, four such requests held honest
     * postings up for 6-14 s and one exhausted the heap). The slowest honest posting is printed, not asserted.
     */
    @Test
    void hugeExponentsInParallelDoNotHoldUpHonestPostings() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.ConcurrentLinkedQueue<String> hostileFailures = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicInteger hostileSent = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> attackers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String amount = t % 2 == 0 ? "\"1e2147483600\"" : "\"1e100000000\"";
            byte[] body = entry(line("1100", "\"DEBIT\"", amount), line("2100", "\"CREDIT\"", amount)).getBytes(StandardCharsets.UTF_8);
            int thread = t;
            Thread attacker = new Thread(() -> {
                // bounded: at most 200 requests per attacker, and it stops when the teller is done
                for (int i = 0; i < 200 && running.get(); i++) {
                    try {
                        RawHttp.Answer answer = http.send("POST", BASE + "/journal-entries", Map.of(
                                "Authorization", RawHttp.basic("treasurer", "demo"), "Idempotency-Key", "huge-" + thread + "-" + i,
                                "Content-Type", "application/json"), body);
                        hostileSent.incrementAndGet();
                        String why = refusalProblem(answer);
                        if (why != null) {
                            hostileFailures.add(answer.status() + " " + why);
                        }
                    } catch (Exception e) {
                        hostileFailures.add(e.toString());
                    }
                }
            });
            attacker.start();
            attackers.add(attacker);
        }
        long slowestNanos = 0;
        try {
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                RawHttp.Answer answer = http.send("POST", BASE + "/journal-entries", Map.of(
                        "Authorization", RawHttp.basic("treasurer", "demo"), "Idempotency-Key", "honest-" + UUID_PREFIX + "-" + i,
                        "Content-Type", "application/json"), entry(line("1100", "\"DEBIT\"", "\"2500.00\""),
                        line("2100", "\"CREDIT\"", "\"2500.00\"")).getBytes(StandardCharsets.UTF_8));
                slowestNanos = Math.max(slowestNanos, System.nanoTime() - start);
                assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            }
        } finally {
            running.set(false);
            for (Thread t : attackers) {
                t.join();
            }
        }
        System.out.printf("huge exponents in parallel: %d hostile requests refused, slowest of 20 honest postings %d ms%n",
                hostileSent.get(), slowestNanos / 1_000_000);
        assertThat(hostileFailures).isEmpty();
        assertThat(hostileSent.get()).isPositive();
    }

    static final String UUID_PREFIX = java.util.UUID.randomUUID().toString().substring(0, 8);

    /** Null when the answer is a proper refusal: a 4xx problem with a code, small. */
    private String refusalProblem(RawHttp.Answer answer) throws Exception {
        if (answer.status() < 400 || answer.status() >= 500) {
            return "not a 4xx";
        }
        if (answer.bodyBytes() > MAX_PROBLEM_BYTES) {
            return "body of " + answer.bodyBytes() + " bytes";
        }
        if (answer.header("content-type") == null || !answer.header("content-type").startsWith("application/problem+json")) {
            return "not a problem: " + answer.header("content-type");
        }
        JsonNode problem = json.readTree(answer.body());
        return problem.hasNonNull("code") ? null : "no code";
    }

    /**
     * Null when a stream of batches was refused: as a whole (a 4xx problem, its first line unreadable), or
     * line by line (200 NDJSON whose every line is a batch's 4xx problem, small, with a code).
     */
    private String streamRefusal(RawHttp.Answer answer) throws Exception {
        if (answer.status() != 200) {
            return refusalProblem(answer);
        }
        if (answer.header("content-type") == null || !answer.header("content-type").startsWith("application/x-ndjson")) {
            return "not NDJSON: " + answer.header("content-type");
        }
        for (String line : answer.body().split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            JsonNode batch = json.readTree(line);
            if (line.length() > MAX_PROBLEM_BYTES || batch.path("status").asInt() < 400 || batch.path("status").asInt() >= 500
                    || !batch.path("problem").hasNonNull("code")) {
                return "a batch not refused with a small problem: " + line.substring(0, Math.min(200, line.length()));
            }
        }
        return null;
    }

    private String read(String path) throws Exception {
        RawHttp.Answer answer = http.send("GET", path, Map.of("Authorization", RawHttp.basic("auditor", "demo")), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }

    // ---- the corpus ----

    static String line(String account, String side, String amount) {
        return "{\"account\":" + (account == null ? "null" : "\"" + account + "\"") + ",\"side\":" + side
                + ",\"amount\":" + amount + "}";
    }

    static String entry(String... lines) {
        return entryWith("\"" + TODAY + "\"", "\"Fuzz\"", lines);
    }

    static String entryWith(String valueDate, String description, String... lines) {
        return "{\"valueDate\":" + valueDate + ",\"description\":" + description + ",\"lines\":[" + String.join(",", lines) + "]}";
    }

    static String batch(String key, String amount) {
        return "{\"entries\":[{\"idempotencyKey\":\"hostile-batch-" + key.replaceAll("[^A-Za-z0-9]", "") + "-"
                + Integer.toHexString(amount.hashCode()) + "\",\"valueDate\":\"" + TODAY
                + "\",\"description\":\"Fuzz\",\"lines\":[" + line("1100", "\"DEBIT\"", amount) + ","
                + line("2100", "\"CREDIT\"", amount) + "]}]}";
    }

    static final List<String> AMOUNTS = List.of("\"1e3\"", "\"1E3\"", "\"1.\"", "\".\"", "\".5\"", "\"\"", "\" 100\"",
            "\"100 \"", "\"+100\"", "\"1e2147483600\"", "\"1e100000000\"", "\"1E-2147483600\"", "\"-1e999999999\"",
            "\"0x10\"", "\"1_000\"", "\"１００\"", "\"1,000\"", "\"NaN\"", "\"Infinity\"", "\"-0\"", "\"0\"", "\"0.00\"",
            "\"000000000000000000000000000000001\"", "\"1" + "0".repeat(30) + "\"", "\"" + "9".repeat(1000) + "\"",
            "\"1.000000000000000000001\"", "\"٣\"", "\"1e\"", "\"e3\"", "\"1..0\"", "\"1.0.0\"", "\"\\u0000\"",
            "\"100\\u0000\"", "100", "1e3", "100.00", "true", "null", "[]", "{}", "\"1e-3\"", "\"-\"", "\"1 000\"",
            "\"10%\"", "\"-5\"", "\"0.001\"", "\"1000000000000001\"", "\"\\ud800\"", "1e2147483600", "\"100.00\\n\"");

    static final List<String> SIDES = List.of("\"DEBIT \"", "\" DEBIT\"", "\"debit\"", "\"Debit\"", "\"D\"", "0", "1",
            "\"0\"", "true", "null", "\"\"", "\"DEBIT\\u0000\"", "[]", "{}", "\"DEBIT\\t\"", "\"ＤＥＢＩＴ\"", "\"DEBİT\"",
            "[\"DEBIT\"]", "\"DEBIT\\ud800\"", "\"CREDIT\\n\"");

    static final List<String> ACCOUNTS = List.of("null", "\"\"", "\" \"", "\"\\u0000\"", "\"1100\\u0000\"", "1100",
            "[\"1100\"]", "{}", "\"" + "1100".repeat(1000) + "\"", "\"1\\ud800\"", "\"nope\"", "\"../1100\"",
            "\"' OR 1=1 --\"", "\"1100; DROP TABLE journal_line\"", "true", "\"\\udc00\"");

    static final List<String> DATES = List.of("\"2026-1-1\"", "\"" + TODAY + "T00:00:00\"", "\"" + TODAY + "T00:00:00Z\"",
            "[2026,1,1]", "20260101", "1767225600", "\"2026-02-30\"", "\"+2026-01-01\"", "\" " + TODAY + "\"",
            "\"" + TODAY + " \"", "null", "\"\"", "\"1999-12-31\"", "\"9999-12-31\"", "\"tomorrow\"", "\"2026-13-01\"",
            "\"0000-00-00\"", "true", "{}", "\"" + TODAY + "\\u0000\"", "\"20260101\"", "[\"" + TODAY + "\"]");

    static final List<String> DESCRIPTIONS = List.of("null", "\"\"", "\" \"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"",
            "\"\\udc00x\"", "\"x\\ud83d\"", "\"" + "x".repeat(501) + "\"", "\"" + "x".repeat(200_000) + "\"", "5", "true", "[]",
            "{\"a\":1}", "[\"Fuzz\"]");

    static List<Hostile> corpus() {
        List<Hostile> corpus = new ArrayList<>();
        String credit = line("2100", "\"CREDIT\"", "\"100.00\"");
        String debit = line("1100", "\"DEBIT\"", "\"100.00\"");
        for (String a : AMOUNTS) {
            add(corpus, "/journal-entries", "amount " + a + " on both lines",
                    entry(line("1100", "\"DEBIT\"", a), line("2100", "\"CREDIT\"", a)));
            add(corpus, "/journal-entries", "amount " + a + " on one line", entry(debit, line("2100", "\"CREDIT\"", a)));
            add(corpus, "/journal-entries/batch", "batch amount " + a, batch(a, a));
        }
        for (String s : SIDES) {
            add(corpus, "/journal-entries", "side " + s, entry(line("1100", s, "\"100.00\""), credit));
            add(corpus, "/journal-entries", "second side " + s, entry(debit, line("2100", s, "\"100.00\"")));
        }
        for (String a : ACCOUNTS) {
            String raw = "{\"account\":" + a + ",\"side\":\"DEBIT\",\"amount\":\"100.00\"}";
            add(corpus, "/journal-entries", "account " + a, entry(raw, credit));
        }
        for (String d : DATES) {
            add(corpus, "/journal-entries", "valueDate " + d, entryWith(d, "\"Fuzz\"", debit, credit));
        }
        for (String d : DESCRIPTIONS) {
            add(corpus, "/journal-entries", "description " + d, entryWith("\"" + TODAY + "\"", d, debit, credit));
        }
        structural(corpus, debit, credit);
        return corpus;
    }

    private static void structural(List<Hostile> corpus, String debit, String credit) {
        String valid = entry(debit, credit);
        List<String> entries = List.of("", " ", "null", "[]", "{}", "\"str\"", "1", "{", "}", "[{}]",
                entryWith("\"" + TODAY + "\"", "\"Fuzz\"", "null"),
                entryWith("\"" + TODAY + "\"", "\"Fuzz\"", "null", "null"),
                entryWith("\"" + TODAY + "\"", "\"Fuzz\"", debit, "null"),
                entryWith("\"" + TODAY + "\"", "\"Fuzz\""), entryWith("\"" + TODAY + "\"", "\"Fuzz\"", debit),
                entryWith("\"" + TODAY + "\"", "\"Fuzz\"", "1", "2"),
                "{\"valueDate\":\"" + TODAY + "\",\"description\":\"Fuzz\",\"lines\":null}",
                "{\"valueDate\":\"" + TODAY + "\",\"description\":\"Fuzz\",\"lines\":{}}",
                "{\"valueDate\":\"" + TODAY + "\",\"description\":\"Fuzz\",\"lines\":\"x\"}",
                "{\"valueDate\":\"" + TODAY + "\",\"description\":\"Fuzz\"}",
                "{\"description\":\"Fuzz\",\"lines\":[" + debit + "," + credit + "]}",
                valid + "x", valid + "}", valid + valid, valid + "\u0000", valid + "]", valid + ",", valid + " null",
                valid.replace("{\"valueDate\":", "{\"valueDate\":\"" + TODAY + "\",\"valueDate\":"),
                valid.replace("{\"valueDate\":", "{\"description\":\"Other\",\"valueDate\":"),
                valid.replace("\"amount\":\"100.00\"}", "\"amount\":\"100.00\",\"amount\":\"1.00\"}"),
                valid.replace("\"side\":\"DEBIT\"", "\"side\":\"DEBIT\",\"side\":\"CREDIT\""),
                valid.replace("\"account\":\"1100\"", "\"account\":\"1100\",\"account\":\"2100\""),
                valid.replace("{\"valueDate\":", "{\"foo\":1,\"valueDate\":"),
                valid.replace("\"amount\":\"100.00\"}", "\"amount\":\"100.00\",\"currency\":\"USD\"}"),
                valid.replace("\"lines\":[", "\"lines\":[[") + "]", "[".repeat(10_000) + "]".repeat(10_000),
                "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000), valid.replace("{", "/* c */{"),
                valid.replace('"', '\''), valid.replace("\"valueDate\"", "valueDate"),
                valid.replace("]}", "],}"), valid.replace("\"100.00\"}", "\"100.00\",}"), "{\"x\":NaN}",
                valid.replace("\"lines\"", "\"lines\\u0000\""), valid.replace("\"lines\"", "\"LINES\""),
                valid.replace("\"description\":\"Fuzz\"", "\"description\":\"Fuzz\",\"lines\":[]"));
        int i = 0;
        for (String body : entries) {
            add(corpus, "/journal-entries", "structure #" + (i++), body);
        }
        corpus.add(new Hostile("/journal-entries", "UTF-16 body", valid.getBytes(StandardCharsets.UTF_16)));
        corpus.add(new Hostile("/journal-entries", "Latin-1 é", valid.replace("Fuzz", "Caf\u00e9").getBytes(StandardCharsets.ISO_8859_1)));
        String entryObject = "{\"idempotencyKey\":\"hostile-batch-x\",\"valueDate\":\"" + TODAY
                + "\",\"description\":\"Fuzz\",\"lines\":[" + debit + "," + credit + "]}";
        List<String> batches = List.of("{\"entries\":[null]}", "{\"entries\":null}", "{\"entries\":{}}", "{\"entries\":[1]}",
                "{\"entries\":[{}]}", "{\"entries\":[]}", "{}", "[]", "null", "{\"entries\":[" + entryObject + ",null]}",
                "{\"entries\":[" + entryObject + "]}x", "{\"entries\":[" + entryObject + "],\"entries\":[]}",
                "{\"entries\":[" + entryObject.replace("\"lines\":[", "\"lines\":[null,") + "]}",
                "{\"entries\":[" + String.join(",", java.util.Collections.nCopies(1_001, entryObject)) + "]}",
                "{\"entries\":[" + entryObject + "," + entryObject + "]}");
        for (String body : batches) {
            add(corpus, "/journal-entries/batch", "batch structure #" + (i++), body);
            add(corpus, "/journal-entries/batches", "stream of one batch #" + (i++), body);
        }
        String booked = "{\"entries\":[" + entryObject + "]}";
        // a stream: nothing after its first unreadable line is read, and a refused batch books nothing
        List<String> streams = List.of("{\"entries\":[]}\n{not json", "\n \n\t\n", "{\"entries\":[null]}\n" + booked,
                "{\"entries\":[]}\n" + booked + "x\n" + booked, "{not json\n" + booked, booked.replace("\"100.00\"", "\"1e2\"") + "\n" + booked,
                "{\"entries\":[]}\n".repeat(1_001) + booked, "{\"entries\":[" + entryObject + "," + entryObject + "]}\n{\"entries\":[1]}\n" + booked);
        for (String body : streams) {
            add(corpus, "/journal-entries/batches", "stream #" + (i++), body);
        }
    }

    private static void add(List<Hostile> corpus, String path, String name, String body) {
        corpus.add(new Hostile(path, name.length() > 120 ? name.substring(0, 120) + "…" : name,
                body.getBytes(StandardCharsets.UTF_8)));
    }
}
