package org.lumbung.ledger;

import org.lumbung.platform.db.EmbeddedPostgresServer;
import org.lumbung.testsupport.LedgerInvariants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.testsupport.LedgerFixture;
import org.lumbung.testsupport.TestPostgres;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;

/**
 * A separate JVM posts in a loop and is killed with SIGKILL at a random moment, five times. After each
 * kill: the invariants and the chain hold, and every key the client saw acknowledged exists exactly once.
 * Then the database itself dies: the embedded PostgreSQL's postmaster is killed with SIGKILL while the
 * client posts, with fsync and synchronous_commit on as the application runs it, three times; after each
 * restart (crash recovery from the WAL) every acknowledged key is there.
 */
class LedgerCrashTest {

    static TestPostgres.Database db;
    static LedgerFixture fx;

    @BeforeAll
    static void database() {
        db = TestPostgres.freshDatabase();
        fx = LedgerFixture.on(db.url(), db.user(), db.password(), 2);
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    @Test
    void killedClientsLeaveAConsistentLedgerAndNoAcknowledgedKeyIsLost() throws Exception {
        Cooperative coop = fx.newCooperative();
        Random random = new Random(42);
        int acknowledgedTotal = 0;
        for (int round = 1; round <= 5; round++) {
            Client client = Client.start(db.url(), db.user(), db.password(), coop.id(), Integer.toString(round));
            Thread.sleep(200 + random.nextInt(1500));
            client.process.destroyForcibly(); // SIGKILL, in the middle of whatever it was doing
            List<String> acked = client.acknowledged();

            assertEveryKeyOnce(fx, coop.id(), acked);
            acknowledgedTotal += acked.size();
            LedgerInvariants.assertHold(fx.dsl, fx.verifier, coop.id());
        }
        assertThat(fx.dsl.fetchCount(JOURNAL_ENTRY, JOURNAL_ENTRY.COOPERATIVE_ID.eq(coop.id())))
                .isGreaterThanOrEqualTo(acknowledgedTotal);
    }

    @Test
    void aKilledPostgresLosesNoAcknowledgedKey(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, true);
        int port = server.port();
        String url = server.jdbcUrl("lumbung");
        String password = server.passwords().owner();
        TestPostgres.migrate(url, "postgres", password);
        long cooperativeId;
        try (LedgerFixture setup = LedgerFixture.on(url, "postgres", password, 1)) {
            assertThat(setup.dsl.fetchValue("show fsync")).isEqualTo("on");
            assertThat(setup.dsl.fetchValue("show synchronous_commit")).isEqualTo("on");
            cooperativeId = setup.newCooperative().id();
        }
        Random random = new Random(7);
        int acknowledgedTotal = 0;
        try {
            for (int round = 1; round <= 3; round++) {
                Client client = Client.start(url, "postgres", password, cooperativeId, "pg" + round);
                Thread.sleep(200 + random.nextInt(1500));
                killPostmaster(data);
                Thread.sleep(500); // an acknowledgement on its way is still read
                client.process.destroyForcibly();
                List<String> acked = client.acknowledged();
                server.close(); // releases the data directory; there is no server left to stop
                server = EmbeddedPostgresServer.start(data, port, true); // recovers from the WAL
                try (LedgerFixture after = LedgerFixture.on(url, "postgres", password, 1)) {
                    assertEveryKeyOnce(after, cooperativeId, acked);
                    LedgerInvariants.assertHold(after.dsl, after.verifier, cooperativeId);
                }
                acknowledgedTotal += acked.size();
            }
        } finally {
            server.close();
        }
        assertThat(acknowledgedTotal).as("keys acknowledged before the kills").isPositive();
        System.out.printf("3 kill -9 of the postmaster: %d acknowledged keys, every one there after recovery%n", acknowledgedTotal);
    }

    /** kill -9 of the postmaster; its backends notice and exit, and only then may a new one start. */
    private static void killPostmaster(Path data) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> backends = postmaster.descendants().toList();
        assertThat(postmaster.destroyForcibly()).isTrue();
        postmaster.onExit().get(30, TimeUnit.SECONDS);
        for (ProcessHandle backend : backends) {
            try {
                backend.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException stuck) {
                backend.destroyForcibly();
            }
        }
    }

    private static void assertEveryKeyOnce(LedgerFixture ledger, long cooperativeId, List<String> acked) {
        for (String key : acked) {
            assertThat(ledger.dsl.fetchCount(JOURNAL_ENTRY, JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId)
                    .and(JOURNAL_ENTRY.IDEMPOTENCY_KEY.eq(key)))).as("acknowledged key %s", key).isEqualTo(1);
        }
    }

    /** The {@link CrashClient} JVM and the keys it has printed as acknowledged. */
    private record Client(Process process, Thread reader, List<String> acked) {

        static Client start(String url, String user, String password, long cooperativeId, String round) throws Exception {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CrashClient.class.getName(),
                    url, user, password, Long.toString(cooperativeId), round)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            List<String> acked = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.startsWith("ACK ")) {
                            acked.add(line.substring(4));
                        }
                    }
                } catch (Exception ignored) {
                    // the stream ends when the client is killed
                }
            });
            reader.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acked.isEmpty() && System.nanoTime() < deadline && process.isAlive()) {
                Thread.sleep(20);
            }
            assertThat(acked).as("the client posted before the kill (round %s)", round).isNotEmpty();
            return new Client(process, reader, acked);
        }

        /** After the kill: every key the client printed before it died. */
        List<String> acknowledged() throws InterruptedException {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            return List.copyOf(acked);
        }
    }
}
