package org.lumbung.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The logical dump of the whole database into a ZIP, without any PostgreSQL client program (the embedded
 * binaries have none): every table copied out with COPY through the JDBC driver, all in one repeatable-read
 * snapshot, so the tables agree with each other and with the chain heads and trial balances of the manifest,
 * which is written last from the same snapshot.
 */
final class DatabaseDump {

    private final ObjectMapper json;
    private final Clock clock;

    DatabaseDump(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Writes the dump of the database behind {@code owner} (connected as the schema's owner) to {@code out}. */
    BackupManifest write(Connection owner, OutputStream out, String actor) throws SQLException, IOException {
        boolean autoCommit = owner.getAutoCommit();
        owner.setAutoCommit(false);
        try (Statement s = owner.createStatement()) {
            s.execute("set transaction isolation level repeatable read, read only");
            Catalog catalog = new Catalog(owner);
            CopyManager copy = owner.unwrap(PGConnection.class).getCopyAPI();
            ZipOutputStream zip = new ZipOutputStream(out);
            List<BackupManifest.Table> tables = new ArrayList<>();
            for (Map.Entry<String, List<String>> table : catalog.tables().entrySet()) {
                tables.add(copyOut(copy, zip, table.getKey(), table.getValue()));
            }
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, clock.instant(), actor, catalog.schema(),
                    tables, catalog.sequences(), catalog.cooperatives(clock));
            zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
            zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.finish();
            owner.commit();
            return manifest;
        } finally {
            owner.rollback();
            owner.setAutoCommit(autoCommit);
        }
    }

    private static BackupManifest.Table copyOut(CopyManager copy, ZipOutputStream zip, String name, List<String> columns)
            throws SQLException, IOException {
        BackupManifest.Table table = new BackupManifest.Table(name, columns, 0, "");
        zip.putNextEntry(new ZipEntry(table.entry()));
        MessageDigest sha256 = sha256();
        long rows = copy.copyOut("copy (select " + Sql.columns(columns) + " from " + Sql.quote(name) + ") to stdout",
                new DigestOutputStream(new FilterOutputStream(zip) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() {
                        // the ZIP goes on with the next table
                    }
                }, sha256));
        zip.closeEntry();
        return new BackupManifest.Table(name, columns, rows, HexFormat.of().formatHex(sha256.digest()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
