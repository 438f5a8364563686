package org.lumbung.ledger;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Every limit of the ledger in one place (also documented in docs/ledger.md). The database repeats the
 * ones it can as CHECK constraints.
 */
public final class LedgerLimits {

    public static final int MIN_LINES = 2;
    public static final int MAX_LINES = 200;
    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_REASON = 500;
    public static final int MIN_KEY = 8;
    public static final int MAX_KEY = 100;
    /** Compiled once: validation runs for every entry of a 1,000-entry batch. */
    public static final Pattern KEY_PATTERN = Pattern.compile("[A-Za-z0-9._:-]+");
    public static final Pattern SOURCE_TYPE_PATTERN = Pattern.compile("[A-Z_]{2,32}");
    public static final int MAX_SOURCE_REF = 100;
    public static final int MAX_BATCH_ENTRIES = 1_000;
    /**
     * Batches of one importer in flight at a time ({@code postBatches}): what it holds in memory, and the
     * connections it uses. Two keep both cores busy; with a third, a batch is sealed and has written its
     * entries by the time the head comes free (measured: about a tenth more than two).
     */
    public static final int PIPELINED_BATCHES = 3;
    public static final int MAX_PAGE = 500;
    /** General-ledger accounts per cooperative (its chart: a few hundred in practice); members' sub-accounts aside. */
    public static final int MAX_GENERAL_ACCOUNTS = 10_000;
    /**
     * Sub-accounts per member: three savings accounts, a time deposit per placement, loans. With any
     * number of members (300,000 sub-accounts for 100,000 members), nothing reads them unpaged.
     */
    public static final int MAX_MEMBER_ACCOUNTS = 200;
    public static final LocalDate EARLIEST_VALUE_DATE = LocalDate.of(2000, 1, 1);

    private LedgerLimits() {
    }
}
