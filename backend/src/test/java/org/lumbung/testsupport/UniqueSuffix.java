package org.lumbung.testsupport;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Suffixes for cooperative codes and user names that tests create in a shared database: a counter, so two
 * tests of one run never draw the same one (a clock reading modulo a million did, now and then); it starts
 * at a random place so that runs against a database kept from an earlier run rarely meet its codes.
 */
public final class UniqueSuffix {

    private static final AtomicLong NEXT = new AtomicLong(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36));

    private UniqueSuffix() {
    }

    /** Lower-case letters and digits, four to five of them. */
    public static String next() {
        return Long.toString(NEXT.getAndIncrement(), 36);
    }
}
