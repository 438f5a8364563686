package org.lumbung.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.testsupport.LedgerFixture;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The backup of another installation, for tests that restore into their own empty one: a cooperative with a
 * few deposits on a fresh database, dumped as {@link BackupService} would.
 */
public final class OtherInstallation {

    /** What was backed up: the cooperative, and where its backup is. */
    public record Backup(Cooperative cooperative, BackupManifest manifest, Path zip) {
    }

    private OtherInstallation() {
    }

    public static Backup backUp(Path zip, int deposits, ObjectMapper json, Clock clock) throws IOException, SQLException {
        try (LedgerFixture installation = LedgerFixture.fresh(2)) {
            Cooperative other = installation.newCooperative();
            LocalDate today = other.today(clock);
            for (int i = 1; i <= deposits; i++) {
                BigDecimal amount = BigDecimal.valueOf(1_000L * i);
                installation.ledger.post(new PostingRequest(other.id(), "deposit-" + i, today.minusDays(i), "deposit " + i,
                        "MANUAL", null, List.of(PostingLine.debit("1100", amount), PostingLine.credit("3100", amount)), "test"));
            }
            try (Connection c = installation.dataSource.getConnection(); OutputStream out = Files.newOutputStream(zip)) {
                return new Backup(other, new DatabaseDump(json, clock).write(c, out, "test"), zip);
            }
        }
    }
}
