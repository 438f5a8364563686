package org.lumbung.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumbung.audit.AuditLog;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.ChainVerification;
import org.lumbung.ledger.ChainVerifier;
import org.lumbung.ledger.LedgerQueries;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.ledger.TrialBalance;
import org.lumbung.security.SystemActor;
import org.lumbung.testsupport.BackendTestApplication;
import org.lumbung.testsupport.FreshDatabaseInitializer;
import org.lumbung.testsupport.LedgerFixture;
import org.lumbung.testsupport.SignedIn;
import org.lumbung.platform.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
class RestoreCommandTest {

    @Autowired
    RestoreCommand command;
    @Autowired
    CooperativeService cooperatives;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    LedgerQueries ledger;
    @Autowired
    AuditLog audit;
    @Autowired
    BackupService backups;
    @Autowired
    ObjectMapper json;
    @Autowired
    Clock clock;

    @TempDir
    Path folder;

    @Test
    void theCommandRestoresAnotherInstallationsBackupWhoseChainTheApplicationThenVerifies() throws Exception {
        Path zip = folder.resolve("lumbung-other.zip");
        Cooperative other;
        ChainVerification head;
        Map<String, TrialBalance.Totals> trialBalance;
        try (LedgerFixture installation = LedgerFixture.fresh(2)) {
            other = installation.newCooperative();
            LocalDate today = other.today(clock);
            for (int i = 1; i <= 25; i++) {
                BigDecimal amount = BigDecimal.valueOf(1_000L * i);
                installation.ledger.post(new PostingRequest(other.id(), "deposit-" + i, today.minusDays(i), "deposit " + i,
                        "MANUAL", null, List.of(PostingLine.debit("1100", amount), PostingLine.credit("3100", amount)), "test"));
            }
            head = installation.verifier.verify(other.id());
            trialBalance = installation.queries.trialBalance(other.id(), today).totals();
            try (Connection c = installation.dataSource.getConnection(); OutputStream out = Files.newOutputStream(zip)) {
                new DatabaseDump(json, clock).write(c, out, "test");
            }
        }
        assertThat(head.entriesChecked()).isEqualTo(25);

        assertThat(command.restore(zip)).isZero();

        SystemActor.run(() -> {
            assertThat(cooperatives.count()).isEqualTo(1);
            ChainVerification restored = verifier.verify(other.id());
            assertThat(restored.ok()).isTrue();
            assertThat(restored.entriesChecked()).isEqualTo(head.entriesChecked());
            assertThat(restored.headFingerprint()).isEqualTo(head.headFingerprint());
            assertThat(ledger.trialBalance(other.id(), other.today(clock)).totals()).isEqualTo(trialBalance);
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
}
