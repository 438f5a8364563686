package org.lumbung.backup;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a backup ZIP holds and what its restore must find again ({@value #ENTRY}): the schema it was taken
 * from, each table's file with its row count and SHA-256, the sequences' positions, and for every cooperative
 * its chain head and trial balance totals as of the backup's day.
 */
public record BackupManifest(int format, Instant createdAt, String createdBy, Schema schema, List<Table> tables,
                             Map<String, Long> sequences, List<Cooperative> cooperatives) {

    public static final String ENTRY = "manifest.json";
    public static final int FORMAT = 1;

    /** The applied Liquibase changesets: how many, the last one, and a digest of all their ids. */
    public record Schema(int changesets, String lastChangeset, String digest) {
    }

    /** One table's file in the ZIP ({@code data/<name>.copy}, PostgreSQL's COPY text format). */
    public record Table(String name, List<String> columns, long rows, String sha256) {
        public String entry() {
            return "data/" + name + ".copy";
        }
    }

    public record Cooperative(long id, String code, long headSequence, String headFingerprint, LocalDate asOf,
                              List<Totals> trialBalance) {
        public String head() {
            return headSequence + ":" + headFingerprint;
        }
    }

    /** One currency's line of the trial balance totals. */
    public record Totals(String currency, BigDecimal debit, BigDecimal credit) {
    }
}
