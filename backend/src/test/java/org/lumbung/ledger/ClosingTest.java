package org.lumbung.ledger;

import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.ChainVerification.Checkpoint;
import org.lumbung.ledger.ChainVerification.CheckpointResult;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.testsupport.DatabaseTest;
import org.lumbung.testsupport.PdfPages;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A closed month keeps the chain head it was closed on, shows it, and prints it on its closing report: the
 * (sequence, fingerprint) an auditor takes away and later checks today's chain against.
 */
class ClosingTest extends DatabaseTest {

    @Autowired
    LedgerService ledger;
    @Autowired
    PeriodService periods;
    @Autowired
    ClosingReport reports;
    @Autowired
    ChainVerifier verifier;

    private JournalEntry deposit(Cooperative c, String key, LocalDate day, String amount) {
        return ledger.post(new PostingRequest(c.id(), key, day, "deposit " + key, "MANUAL", null,
                List.of(PostingLine.debit("1100", new BigDecimal(amount)), PostingLine.credit("2100", new BigDecimal(amount))),
                "treasurer")).entry();
    }

    private static String text(byte[] pdf) {
        return PdfPages.text(pdf);
    }

    @Test
    void aClosingRecordsTheChainHeadAndItsReportPrintsIt() throws IOException {
        Cooperative c = newCooperative("closing-head");
        LocalDate today = LocalDate.now(c.zone());
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        deposit(c, "closing-0001", lastMonth.atDay(5), "1000");
        deposit(c, "closing-0002", lastMonth.atDay(6), "250.50");
        JournalEntry head = deposit(c, "closing-0003", today, "30");

        periods.close(c.id(), lastMonth);
        Period closed = periods.closed(c.id(), lastMonth);
        assertThat(closed.headSequence()).isEqualTo(3L);
        assertThat(closed.headFingerprint()).isEqualTo(head.hash());
        assertThat(periods.periods(c.id())).filteredOn(Period::closed).singleElement().isEqualTo(closed);

        String english = text(reports.pdf(c.id(), lastMonth, Locale.ENGLISH));
        assertThat(english).contains("Closing report", "Entries 1 to 3 have the fingerprint:", head.hash(), "test-admin");
        String indonesian = text(reports.pdf(c.id(), lastMonth, Messages.INDONESIAN));
        assertThat(indonesian).contains("Laporan tutup buku", "Jurnal 1 sampai 3 memiliki sidik jari:", head.hash());
        assertThat(indonesian).as("the month's turnover, not today's entry").contains("1.250,50").doesNotContain("1.280,50");

        // the auditor's later check, through the head printed on the report
        deposit(c, "closing-0004", today, "5");
        assertThat(verifier.verify(c.id(), new Checkpoint(closed.headSequence(), closed.headFingerprint())).checkpoint())
                .isEqualTo(CheckpointResult.PASSES);
    }

    @Test
    void anOpenMonthHasNoClosingReport() {
        Cooperative c = newCooperative("closing-open");
        YearMonth lastMonth = YearMonth.from(LocalDate.now(c.zone())).minusMonths(1);
        assertThatThrownBy(() -> reports.pdf(c.id(), lastMonth, Locale.ENGLISH))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("ledger.period.not-closed"));
    }
}
