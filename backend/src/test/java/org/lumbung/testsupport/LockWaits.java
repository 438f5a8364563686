package org.lumbung.testsupport;

import org.jooq.DSLContext;

import java.util.concurrent.TimeUnit;

/**
 * For tests of two transactions that meet on a lock: the first holds its lock until the second is seen
 * waiting for it in PostgreSQL, so the test does not depend on how soon the second's thread is scheduled.
 */
public final class LockWaits {

    private static final long MAX_SECONDS = 30;

    private LockWaits() {
    }

    /** Until another session of {@code dsl}'s database waits for a lock; fails naming {@code who} after 30 s. */
    public static void awaitSessionWaitingForALock(DSLContext dsl, String who) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_SECONDS);
        while (dsl.fetchOne("select count(*) from pg_stat_activity where datname = current_database() "
                + "and wait_event_type = 'Lock'").get(0, Long.class) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(who + " never waited for a lock within " + MAX_SECONDS + " s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
