package org.lumbung.platform.i18n;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Identifiers read as the grids show them, dates read the same way in both languages. */
class IdentifiersAndDatesTest {

    @Test
    void anIdentifierAfterAHashIsNeverGroupedLikeAQuantity() {
        assertThat(Messages.get("savings.receipt.not-found", Locale.ENGLISH, 5205)).isEqualTo("Receipt #5205 was not found.");
        assertThat(Messages.get("savings.receipt.not-found", Messages.INDONESIAN, 5205L)).isEqualTo("Kuitansi #5205 tidak ditemukan.");
        assertThat(Messages.get("chain.problem.sequence-gap", Locale.ENGLISH, 12345L, 12347L)).contains("#12345", "#12347");
    }

    @Test
    void datesPutTheDayFirstAndNameTheMonth() {
        LocalDate first = LocalDate.of(2026, 12, 1);
        assertThat(DateText.date(first, Locale.ENGLISH)).isEqualTo("1 Dec 2026");
        assertThat(DateText.date(first, Messages.INDONESIAN)).isEqualTo("1 Des 2026");
        assertThat(DateText.date(first, Locale.US)).isEqualTo("1 Dec 2026");
        assertThat(DateText.month(YearMonth.of(2026, 8), Messages.INDONESIAN)).isEqualTo("Agustus 2026");
    }

    @Test
    void generatedJournalDescriptionsReadInTheReadersLanguageWhileTheSealedTextStays() {
        assertThat(org.lumbung.ledger.EntryDescriptions.readable("DEPOSIT WAJIB 2100.00042: kiriman HK", Messages.INDONESIAN))
                .isEqualTo("Setoran WAJIB 2100.00042: kiriman HK");
        assertThat(org.lumbung.ledger.EntryDescriptions.readable("DEPOSIT WAJIB 2100.00042", Locale.ENGLISH))
                .isEqualTo("Deposit WAJIB 2100.00042");
        assertThat(org.lumbung.ledger.EntryDescriptions.readable("Reversal of #5205: WITHDRAWAL SUKARELA 2200.00001", Messages.INDONESIAN))
                .isEqualTo("Pembalikan #5205: Penarikan SUKARELA 2200.00001");
        assertThat(org.lumbung.ledger.EntryDescriptions.readable("OPENING BALANCE 00012 Siti", Messages.INDONESIAN))
                .isEqualTo("Saldo awal 00012 Siti");
        assertThat(org.lumbung.ledger.EntryDescriptions.readable("REPAYMENT FLAT PJ-00012: via kiriman", Messages.INDONESIAN))
                .isEqualTo("Angsuran pinjaman FLAT PJ-00012: via kiriman");
        assertThat(org.lumbung.ledger.EntryDescriptions.readable("SHU PAYOUT 2025 #12", Messages.INDONESIAN))
                .isEqualTo("Pembayaran bagian SHU 2025 #12");
        assertThat(org.lumbung.ledger.EntryDescriptions.readable("YEAR CLOSE 2025", Locale.ENGLISH)).isEqualTo("Year-end close 2025");
        assertThat(org.lumbung.ledger.EntryDescriptions.readable("LOAN_ACCRUAL 2026-12-03", Messages.INDONESIAN))
                .isEqualTo("Bunga pinjaman berjalan sampai 2026-12-03");
        assertThat(org.lumbung.ledger.EntryDescriptions.readable("Beli ATK kantor", Messages.INDONESIAN)).isEqualTo("Beli ATK kantor");
        assertThat(org.lumbung.ledger.EntryDescriptions.readable("ATK", Messages.INDONESIAN)).isEqualTo("ATK");
    }
}
