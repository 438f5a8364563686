package org.lumbung.backup;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lumbung.ledger.ChainVerification;
import org.lumbung.platform.DomainException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Restores a backup ZIP into an empty installation of the same schema, in one transaction that commits only
 * when the restored books prove themselves: every file's SHA-256 is checked before anything is written; the
 * tables are copied in with the triggers off (session_replication_role = replica, so the append-only guards
 * and the posting triggers do not fire and the maintained totals come from the dump as they were); then every
 * cooperative's chain is recomputed and must end at the manifest's head, its maintained balances must equal
 * the sums of its lines, and its trial balance must equal the manifest's. Any difference rolls everything back.
 */
final class DatabaseRestore {

    /** A ZIP's manifest is small; a larger one is not one of ours. */
    private static final long MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

    private final ObjectMapper json;

    DatabaseRestore(ObjectMapper json) {
        this.json = json;
    }

    /** Reads and checks the ZIP's manifest and every file's checksum, touching no database. */
    BackupManifest check(Path zip) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            BackupManifest manifest = manifest(file);
            for (BackupManifest.Table table : manifest.tables()) {
                ZipEntry entry = file.getEntry(table.entry());
                if (entry == null) {
                    throw DomainException.invalid("backup.restore.damaged", zip.getFileName(), table.entry());
                }
                MessageDigest sha256 = DatabaseDump.sha256();
                try (InputStream in = new DigestInputStream(file.getInputStream(entry), sha256)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                if (!HexFormat.of().formatHex(sha256.digest()).equals(table.sha256())) {
                    throw DomainException.invalid("backup.restore.damaged", zip.getFileName(), table.entry());
                }
            }
            return manifest;
        } catch (ZipException e) {
            throw DomainException.invalid("backup.restore.damaged", zip.getFileName(), e.getMessage());
        } catch (IOException e) {
            throw DomainException.invalid("backup.restore.unreadable", zip.getFileName());
        }
    }

    private BackupManifest manifest(ZipFile file) throws IOException {
        ZipEntry entry = file.getEntry(BackupManifest.ENTRY);
        if (entry == null || entry.getSize() > MAX_MANIFEST_BYTES) {
            throw DomainException.invalid("backup.restore.not-a-backup", file.getName());
        }
        BackupManifest manifest;
        try (InputStream in = file.getInputStream(entry)) {
            manifest = json.readValue(in, BackupManifest.class);
        } catch (JacksonException e) {
            throw DomainException.invalid("backup.restore.not-a-backup", file.getName());
        }
        if (manifest.format() != BackupManifest.FORMAT) {
            throw DomainException.invalid("backup.restore.format", manifest.format());
        }
        return manifest;
    }

    /**
     * Restores {@code zip} into the database behind {@code owner} (the schema's owner, allowed to set
     * session_replication_role). Refused, with nothing changed, unless the ZIP is intact, the schema is the
     * same and the installation is empty.
     */
    BackupManifest restore(Connection owner, Path zip) throws SQLException, IOException {
        BackupManifest manifest = check(zip);
        boolean autoCommit = owner.getAutoCommit();
        owner.setAutoCommit(false);
        try (ZipFile file = new ZipFile(zip.toFile()); Statement s = owner.createStatement()) {
            Catalog catalog = new Catalog(owner);
            requireSameSchema(manifest, catalog);
            if (!catalog.empty()) {
                throw DomainException.conflict("backup.restore.not-empty");
            }
            Map<String, List<String>> tables = catalog.tables();
            replica(s);
            // what the migrations put into a new installation (roles, templates) comes back from the dump instead
            s.execute("truncate " + tables.keySet().stream().map(Sql::quote).collect(Collectors.joining(", ")));
            CopyManager copy = owner.unwrap(PGConnection.class).getCopyAPI();
            for (BackupManifest.Table table : manifest.tables()) {
                if (!table.columns().equals(tables.get(table.name()))) {
                    throw DomainException.invalid("backup.restore.schema", table.name());
                }
                try (InputStream in = file.getInputStream(file.getEntry(table.entry()))) {
                    long rows = copy.copyIn("copy " + Sql.quote(table.name()) + " (" + Sql.columns(table.columns())
                            + ") from stdin", in);
                    if (rows != table.rows()) {
                        throw DomainException.invalid("backup.restore.rows", table.name(), table.rows(), rows);
                    }
                }
            }
            for (Map.Entry<String, Long> sequence : manifest.sequences().entrySet()) {
                s.execute("select setval('" + Sql.quote(sequence.getKey()).replace("'", "''") + "', " + sequence.getValue() + ")");
            }
            s.execute("set local session_replication_role = origin");
            verify(manifest, catalog);
            owner.commit();
            return manifest;
        } finally {
            owner.rollback();
            owner.setAutoCommit(autoCommit);
        }
    }

    private static void requireSameSchema(BackupManifest manifest, Catalog catalog) {
        BackupManifest.Schema here = catalog.schema();
        if (!here.digest().equals(manifest.schema().digest())) {
            throw DomainException.invalid("backup.restore.schema-version", manifest.schema().lastChangeset(),
                    manifest.schema().changesets(), here.lastChangeset(), here.changesets());
        }
        Map<String, List<String>> tables = catalog.tables();
        if (!tables.keySet().equals(manifest.tables().stream().map(BackupManifest.Table::name).collect(Collectors.toSet()))) {
            throw DomainException.invalid("backup.restore.schema-version", manifest.schema().lastChangeset(),
                    manifest.schema().changesets(), here.lastChangeset(), here.changesets());
        }
    }

    /** Triggers off for this transaction only: the rows are copied in as they were, not posted again. */
    private static void replica(Statement s) {
        try {
            s.execute("set local session_replication_role = replica");
        } catch (SQLException e) {
            throw DomainException.forbidden("backup.restore.owner-needed");
        }
    }

    /** Every cooperative's chain and trial balance, recomputed from the restored rows, against the manifest. */
    private static void verify(BackupManifest manifest, Catalog catalog) {
        for (BackupManifest.Cooperative c : manifest.cooperatives()) {
            ChainVerification chain = catalog.chain(c.id());
            if (!chain.ok() || chain.entriesChecked() != c.headSequence() || !chain.headFingerprint().equals(c.headFingerprint())) {
                throw DomainException.invalid("backup.restore.chain", c.code(), c.head(),
                        chain.entriesChecked() + ":" + chain.headFingerprint(),
                        chain.problemKey() == null ? "" : chain.problemKey());
            }
            if (!sameTotals(catalog.trialBalance(c.id(), c.asOf()), c.trialBalance())) {
                throw DomainException.invalid("backup.restore.trial-balance", c.code(), c.asOf());
            }
        }
    }

    private static boolean sameTotals(List<BackupManifest.Totals> restored, List<BackupManifest.Totals> backedUp) {
        if (restored.size() != backedUp.size()) {
            return false;
        }
        for (int i = 0; i < restored.size(); i++) {
            BackupManifest.Totals a = restored.get(i);
            BackupManifest.Totals b = backedUp.get(i);
            if (!a.currency().equals(b.currency()) || a.debit().compareTo(b.debit()) != 0 || a.credit().compareTo(b.credit()) != 0) {
                return false;
            }
        }
        return true;
    }
}
