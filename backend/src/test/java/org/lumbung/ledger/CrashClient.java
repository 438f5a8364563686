package org.lumbung.ledger;

import org.lumbung.testsupport.LedgerFixture;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The client JVM of {@link LedgerCrashTest}: posts in a loop (single entries and small batches) and
 * prints "ACK key" for every key whose posting returned, until it is killed with SIGKILL.
 * Arguments: JDBC URL, user, password, cooperative id, round.
 */
public final class CrashClient {

    public static void main(String[] args) {
        long cooperativeId = Long.parseLong(args[3]);
        String round = args[4];
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        try (LedgerFixture fx = LedgerFixture.on(args[0], args[1], args[2], 2)) {
            for (int i = 0; ; i++) {
                if (i % 5 == 4) {
                    List<PostingRequest> batch = new ArrayList<>();
                    for (int j = 0; j < 3; j++) {
                        batch.add(deposit(cooperativeId, "crash-" + round + "-" + i + "-" + j, today));
                    }
                    fx.ledger.postBatch(batch);
                    batch.forEach(r -> System.out.println("ACK " + r.idempotencyKey()));
                } else {
                    PostingRequest r = deposit(cooperativeId, "crash-" + round + "-" + i, today);
                    fx.ledger.post(r);
                    System.out.println("ACK " + r.idempotencyKey());
                }
                System.out.flush();
            }
        }
    }

    private static PostingRequest deposit(long cooperativeId, String key, LocalDate today) {
        return new PostingRequest(cooperativeId, key, today, "deposit " + key, "MANUAL", null,
                List.of(PostingLine.debit("1100", new BigDecimal("2500.00")), PostingLine.credit("2100", new BigDecimal("2500.00"))),
                "crash-client");
    }
}
