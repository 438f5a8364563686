package org.lumbung.ledger;

import org.lumbung.testsupport.LedgerInvariants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.testsupport.LedgerFixture;
import org.lumbung.testsupport.TestPostgres;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
            List<String> acked = new CopyOnWriteArrayList<>();
            Process client = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CrashClient.class.getName(),
                    db.url(), db.user(), db.password(), Long.toString(coop.id()), Integer.toString(round))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
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
            while (acked.isEmpty() && System.nanoTime() < deadline && client.isAlive()) {
                Thread.sleep(20);
            }
            assertThat(acked).as("the client posted before being killed (round %d)", round).isNotEmpty();
            Thread.sleep(200 + random.nextInt(1500));
            client.destroyForcibly(); // SIGKILL, in the middle of whatever it was doing
            assertThat(client.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);

            for (String key : acked) {
                assertThat(fx.dsl.fetchCount(JOURNAL_ENTRY, JOURNAL_ENTRY.COOPERATIVE_ID.eq(coop.id())
                        .and(JOURNAL_ENTRY.IDEMPOTENCY_KEY.eq(key)))).as("acknowledged key %s", key).isEqualTo(1);
            }
            acknowledgedTotal += acked.size();
            LedgerInvariants.assertHold(fx.dsl, fx.verifier, coop.id());
        }
        assertThat(fx.dsl.fetchCount(JOURNAL_ENTRY, JOURNAL_ENTRY.COOPERATIVE_ID.eq(coop.id())))
                .isGreaterThanOrEqualTo(acknowledgedTotal);
    }
}
