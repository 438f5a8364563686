package org.lumbung.backup;

import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.ChainVerification;
import org.lumbung.ledger.LedgerCheck;
import org.lumbung.ledger.TrialBalance;
import org.lumbung.platform.DomainException;
import org.lumbung.testsupport.BackendTestApplication;
import org.lumbung.testsupport.SampleDatabaseInitializer;
import org.lumbung.testsupport.TestPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Enumeration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sample cooperative backed up and restored into a second, empty database: the same trial balance and the
 * same chain head, recomputed there from the restored rows. A ZIP with one changed byte, or an installation that
 * is not empty, is refused with nothing written.
 */
@SpringBootTest(properties = {"lumbung.sample-data.enabled=true", "lumbung.backups.schedule.enabled=false"})
@ContextConfiguration(classes = BackendTestApplication.class, initializers = SampleDatabaseInitializer.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@WithMockUser(username = "test-admin", roles = "ADMIN")
class BackupRestoreTest extends BackupTestBase {

    @Test
    void theSampleRestoredIntoAnEmptyDatabaseHasTheSameTrialBalanceAndChainHead() throws Exception {
        Cooperative ngrupit = cooperatives.byCode("ngrupit");
        LocalDate today = ngrupit.today(clock);
        ChainVerification before = verifier.verify(ngrupit.id());
        Map<String, TrialBalance.Totals> trialBalance = ledger.trialBalance(ngrupit.id(), today).totals();
        assertThat(before.ok()).isTrue();
        assertThat(before.entriesChecked()).isPositive();

        long started = System.nanoTime();
        BackupFile file = backups.backUpNow();
        long backupMillis = (System.nanoTime() - started) / 1_000_000;
        Path zip = folder.resolve(file.name());
        assertThat(file.heads()).containsExactly("ngrupit " + before.entriesChecked() + ":" + before.headFingerprint());
        assertThat(Files.readString(folder.resolve(file.name() + ".head.txt")))
                .contains("ngrupit " + before.entriesChecked() + ":" + before.headFingerprint());
        assertThat(backups.lastBackup()).isPresent();

        TestPostgres.Database target = TestPostgres.freshDatabase();
        try (Connection c = DriverManager.getConnection(target.url(), target.user(), target.password())) {
            started = System.nanoTime();
            new DatabaseRestore(json).restore(c, zip);
            long restoreMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("backup of the sample: %d ms, %d KB; restore with verification: %d ms%n",
                    backupMillis, Files.size(zip) / 1024, restoreMillis);

            c.setAutoCommit(false);
            LedgerCheck restored = LedgerCheck.within(DSL.using(c));
            ChainVerification after = restored.chain(ngrupit.id());
            assertThat(after.ok()).isTrue();
            assertThat(after.entriesChecked()).isEqualTo(before.entriesChecked());
            assertThat(after.headFingerprint()).isEqualTo(before.headFingerprint());
            assertThat(restored.trialBalance(ngrupit.id(), today)).isEqualTo(trialBalance);
            assertThat(count(c, "member")).isEqualTo(sourceCount("member")).isPositive();
            c.rollback();
        }
    }

    @Test
    void aBackupWithOneChangedByteIsRefusedAndNothingIsWritten() throws Exception {
        Path zip = folder.resolve(backups.backUpNow().name());
        Path tampered = folder.resolve("tampered.zip");
        rewrite(zip, tampered, "data/journal_line.copy");

        TestPostgres.Database target = TestPostgres.freshDatabase();
        try (Connection c = DriverManager.getConnection(target.url(), target.user(), target.password())) {
            assertThatThrownBy(() -> new DatabaseRestore(json).restore(c, tampered))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("backup.restore.damaged"));
            assertThat(count(c, "cooperative")).isZero();
        }
    }

    @Test
    void anAmountChangedWithItsChecksumIsFoundByTheChainAndEverythingIsRolledBack() throws Exception {
        Path zip = folder.resolve(backups.backUpNow().name());
        Path forged = folder.resolve("forged.zip");
        forgeAmount(zip, forged);

        TestPostgres.Database target = TestPostgres.freshDatabase();
        try (Connection c = DriverManager.getConnection(target.url(), target.user(), target.password())) {
            assertThatThrownBy(() -> new DatabaseRestore(json).restore(c, forged))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("backup.restore.chain"));
            assertThat(count(c, "cooperative")).as("rolled back").isZero();
            assertThat(count(c, "journal_line")).isZero();
        }
    }

    @Test
    void aRestoreIntoAnInstallationThatIsNotEmptyIsRefused() {
        Path zip = folder.resolve(backups.backUpNow().name());
        long members = sourceCount("member");

        assertThatThrownBy(() -> backups.restore(zip)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("backup.restore.not-empty"));
        assertThat(sourceCount("member")).isEqualTo(members);
    }

    @Test
    void theFolderKeepsOnlyTheNewestBackups() throws Exception {
        Path usb = folder.resolve("usb");
        backups.saveSettings(new BackupSettings(usb.toString(), 24, 2));
        try {
            String first = backups.backUpNow().name();
            backups.backUpNow();
            backups.backUpNow();

            assertThat(backups.list()).hasSize(2).extracting(BackupFile::name).doesNotContain(first);
            assertThat(usb.resolve(first)).doesNotExist();
            assertThat(usb.resolve(first + ".head.txt")).doesNotExist();
        } finally {
            backups.saveSettings(new BackupSettings(folder.toString(), 24, 10));
        }
    }

    @Test
    void aFolderThatIsNotAFullPathIsRefused() {
        assertThatThrownBy(() -> backups.saveSettings(new BackupSettings("usb/backups", 24, 10)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("backup.folder.not-absolute"));
        assertThatThrownBy(() -> backups.saveSettings(new BackupSettings(folder.toString(), 0, 10)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("backup.interval.invalid"));
    }

    @org.junit.jupiter.api.BeforeEach
    void backUpIntoTheTemporaryFolder() {
        backups.saveSettings(new BackupSettings(folder.toString(), 24, 10));
    }

    @Autowired
    org.lumbung.platform.db.OwnerDatabase owner;

    private long sourceCount(String table) {
        try (Connection c = owner.open()) {
            return count(c, table);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Connection c, String table) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the ZIP whose {@code entry} has one byte changed (a digit), its checksum left as it was. */
    private static void rewrite(Path zip, Path copy, String entry) throws IOException {
        copyZip(zip, copy, (name, bytes) -> {
            if (name.equals(entry)) {
                bytes[new String(bytes, StandardCharsets.UTF_8).indexOf('5')] = (byte) '6';
            }
            return bytes;
        });
    }

    /**
     * A forgery a checksum cannot catch: the first journal line's amount made one larger, and the manifest's
     * checksum of that file recomputed to match.
     */
    private void forgeAmount(Path zip, Path copy) throws IOException {
        Map<String, String> checksums = new java.util.HashMap<>();
        copyZip(zip, copy, (name, bytes) -> {
            if (name.equals("data/journal_line.copy")) {
                BackupManifest manifest = manifestOf(zip);
                BackupManifest.Table table = manifest.tables().stream().filter(t -> t.name().equals("journal_line")).findFirst().orElseThrow();
                int amount = table.columns().indexOf("amount");
                String text = new String(bytes, StandardCharsets.UTF_8);
                int end = text.indexOf('\n');
                String[] fields = text.substring(0, end).split("\t", -1);
                fields[amount] = new java.math.BigDecimal(fields[amount]).add(java.math.BigDecimal.ONE).toPlainString();
                byte[] forged = (String.join("\t", fields) + text.substring(end)).getBytes(StandardCharsets.UTF_8);
                checksums.put(table.sha256(), java.util.HexFormat.of().formatHex(DatabaseDump.sha256().digest(forged)));
                return forged;
            }
            if (name.equals(BackupManifest.ENTRY)) {
                String text = new String(bytes, StandardCharsets.UTF_8);
                for (Map.Entry<String, String> c : checksums.entrySet()) {
                    text = text.replace(c.getKey(), c.getValue());
                }
                return text.getBytes(StandardCharsets.UTF_8);
            }
            return bytes;
        });
    }

    private BackupManifest manifestOf(Path zip) {
        try (ZipFile in = new ZipFile(zip.toFile()); InputStream data = in.getInputStream(in.getEntry(BackupManifest.ENTRY))) {
            return json.readValue(data, BackupManifest.class);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void copyZip(Path zip, Path copy, java.util.function.BiFunction<String, byte[], byte[]> change) throws IOException {
        try (ZipFile in = new ZipFile(zip.toFile()); OutputStream file = Files.newOutputStream(copy);
             ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                byte[] bytes;
                try (InputStream data = in.getInputStream(e)) {
                    bytes = data.readAllBytes();
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(change.apply(e.getName(), bytes));
                out.closeEntry();
            }
        }
    }
}
