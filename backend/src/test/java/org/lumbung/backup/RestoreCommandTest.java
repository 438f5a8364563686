package org.lumbung.backup;

import org.junit.jupiter.api.Test;
import org.lumbung.audit.AuditLog;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.ChainVerification;
import org.lumbung.security.SystemActor;
import org.lumbung.testsupport.BackendTestApplication;
import org.lumbung.testsupport.FreshDatabaseInitializer;
import org.lumbung.testsupport.SignedIn;
import org.lumbung.platform.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --restore=<zip>} on a new, empty installation: the books of another installation come back, and the
 * application's own verifier finds the same chain head and trial balance; run again, it refuses (exit code 1)
 * because the installation is no longer empty.
 */
@SpringBootTest(properties = {"lumbung.sample-data.enabled=false", "lumbung.backups.schedule.enabled=false"})
@ContextConfiguration(classes = BackendTestApplication.class, initializers = FreshDatabaseInitializer.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RestoreCommandTest extends BackupTestBase {

    @Autowired
    RestoreCommand command;
    @Autowired
    AuditLog audit;

    @Test
    void theCommandRestoresAnotherInstallationsBackupWhoseChainTheApplicationThenVerifies() throws Exception {
        Path zip = folder.resolve("lumbung-other.zip");
        OtherInstallation.Backup backup = OtherInstallation.backUp(zip, 25, json, clock);
        Cooperative other = backup.cooperative();
        BackupManifest.Cooperative head = backup.manifest().cooperatives().get(0);
        assertThat(head.headSequence()).isEqualTo(25);

        assertThat(command.restore(zip)).isZero();

        SystemActor.run(() -> {
            assertThat(cooperatives.count()).isEqualTo(1);
            ChainVerification restored = verifier.verify(other.id());
            assertThat(restored.ok()).isTrue();
            assertThat(restored.entriesChecked()).isEqualTo(head.headSequence());
            assertThat(restored.headFingerprint()).isEqualTo(head.headFingerprint());
            assertThat(plain(ledger.trialBalance(other.id(), head.asOf()).totals().values().stream()
                    .map(t -> new BackupManifest.Totals(t.currency(), t.debit(), t.credit())).toList()))
                    .isEqualTo(plain(head.trialBalance()));
            assertThat(audit.page(null, "", 0, 10)).anySatisfy(e -> assertThat(e.action()).isEqualTo("RESTORE"));
            return null;
        });
        assertThat(command.restore(zip)).as("the installation is no longer empty").isEqualTo(1);

        // with a second cooperative the backup holds more than a treasurer's own books
        SystemActor.run(() -> cooperatives.create(new org.lumbung.cooperative.NewCooperative("kedua", "Koperasi Kedua",
                "Ngrupit", "Ponorogo", "Jawa Timur", "ID", "IDR", "id", "Asia/Jakarta")));
        SignedIn.as("admin", "ADMIN", () -> backups.saveSettings(new BackupSettings(folder.toString(), 24, 10)));
        assertThatThrownBy(() -> SignedIn.as("bendahara", "TREASURER", backups::backUpNow))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("backup.whole-installation"));
        assertThat(SignedIn.as("admin", "ADMIN", backups::backUpNow).heads()).hasSize(2);
    }

    private static List<String> plain(List<BackupManifest.Totals> totals) {
        return totals.stream().map(t -> t.currency() + " " + t.debit().stripTrailingZeros().toPlainString() + " "
                + t.credit().stripTrailingZeros().toPlainString()).toList();
    }
}
