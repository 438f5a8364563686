package org.lumbung.backup;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.lumbung.ledger.ChainVerification;
import org.lumbung.ledger.EntryFingerprint;
import org.lumbung.ledger.LedgerCheck;
import org.lumbung.ledger.TrialBalance;
import org.lumbung.platform.Hashes;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a dump and a restore read from the database they are connected to (as the owner, inside their
 * transaction): the application's tables and their columns, the applied changesets, the sequences, and the
 * ledger's proofs of every cooperative.
 */
final class Catalog {

    private final DSLContext sql;

    Catalog(Connection connection) {
        this.sql = DSL.using(connection, SQLDialect.POSTGRES);
    }

    /** Every table of the schema but Liquibase's own, by name, with its stored columns (not generated ones). */
    Map<String, List<String>> tables() {
        Map<String, List<String>> tables = new TreeMap<>();
        sql.fetch("""
                select c.relname, a.attname from pg_class c
                  join pg_namespace n on n.oid = c.relnamespace
                  join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                 where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
                   and c.relname not in ('databasechangelog', 'databasechangeloglock')
                 order by c.relname, a.attnum""")
                .forEach(r -> tables.computeIfAbsent(r.get(0, String.class), t -> new ArrayList<>()).add(r.get(1, String.class)));
        return tables;
    }

    BackupManifest.Schema schema() {
        List<String> ids = sql.fetch("select id from databasechangelog order by orderexecuted").getValues(0, String.class);
        List<String> sorted = ids.stream().sorted().toList();
        return new BackupManifest.Schema(ids.size(), ids.isEmpty() ? "" : ids.get(ids.size() - 1),
                Hashes.sha256Hex(String.join("\n", sorted)));
    }

    /** Each sequence's last value; a sequence never used is left out (the restore leaves it unused too). */
    Map<String, Long> sequences() {
        Map<String, Long> sequences = new TreeMap<>();
        sql.fetch("select sequencename, last_value from pg_sequences where schemaname = 'public' and last_value is not null")
                .forEach(r -> sequences.put(r.get(0, String.class), r.get(1, Long.class)));
        return sequences;
    }

    /** Whether the installation has anything in it: a cooperative or a user. */
    boolean empty() {
        return sql.fetchOne("select (select count(*) from cooperative) + (select count(*) from app_user)").get(0, Long.class) == 0;
    }

    long cooperativeCount() {
        return sql.fetchOne("select count(*) from cooperative").get(0, Long.class);
    }

    /** Every cooperative's chain head (as the ledger keeps it) and trial balance as of its own today. */
    List<BackupManifest.Cooperative> cooperatives(Clock clock) {
        LedgerCheck ledger = LedgerCheck.within(sql);
        return sql.fetch("""
                        select c.id, c.code, c.time_zone, coalesce(h.last_sequence, 0), h.last_hash
                          from cooperative c left join ledger_head h on h.cooperative_id = c.id order by c.id""")
                .map(r -> {
                    long id = r.get(0, Long.class);
                    LocalDate asOf = LocalDate.now(clock.withZone(ZoneId.of(r.get(2, String.class))));
                    String hash = r.get(4, String.class);
                    return new BackupManifest.Cooperative(id, r.get(1, String.class), r.get(3, Long.class),
                            hash == null ? EntryFingerprint.GENESIS : hash, asOf,
                            totals(ledger.trialBalance(id, asOf)));
                });
    }

    /** The cooperative's chain recomputed from its entries (slow for a long ledger: restore only). */
    ChainVerification chain(long cooperativeId) {
        return LedgerCheck.within(sql).chain(cooperativeId);
    }

    List<BackupManifest.Totals> trialBalance(long cooperativeId, LocalDate asOf) {
        return totals(LedgerCheck.within(sql).trialBalance(cooperativeId, asOf));
    }

    private static List<BackupManifest.Totals> totals(Map<String, TrialBalance.Totals> totals) {
        return totals.values().stream()
                .map(t -> new BackupManifest.Totals(t.currency(), t.debit().stripTrailingZeros(), t.credit().stripTrailingZeros()))
                .toList();
    }
}
