package org.lumbung.fx;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.testsupport.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lumbung.db.jooq.Tables.EXCHANGE_RATE;

class RateImportTest extends DatabaseTest {

    @Autowired
    RateImport imports;
    @Autowired
    ExchangeRateService rates;

    Cooperative coop;

    @BeforeEach
    void cooperative() {
        coop = newCooperative("i" + UUID.randomUUID().toString().substring(0, 8));
    }

    static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    int stored() {
        return dsl.fetchCount(EXCHANGE_RATE, EXCHANGE_RATE.COOPERATIVE_ID.eq(coop.id()));
    }

    @Test
    void aDryRunSaysWhatEachRateWouldDoAndWritesNothing() {
        byte[] sheet = csv("""
                Date,Currency,Rate
                26/11/2026,MYR,3550.00
                27/11/2026,MYR,3900.00
                2026-11-27,krw,11.6425
                """);
        RateSheet dry = imports.check(coop.id(), sheet, "BANK_INDONESIA");
        assertThat(dry.valid()).isTrue();
        assertThat(dry.imported()).isFalse();
        assertThat(dry.outcomes()).extracting(RecordedRate::outcome).containsExactly(
                RecordedRate.Outcome.RECORDED, RecordedRate.Outcome.RECORDED, RecordedRate.Outcome.PENDING);
        assertThat(stored()).isZero();

        RateSheet done = imports.importSheet(coop.id(), sheet, "BANK_INDONESIA");
        assertThat(done.imported()).isTrue();
        assertThat(stored()).isEqualTo(3);
        assertThat(rates.rateOn(coop.id(), "KRW", LocalDate.of(2026, 11, 29)).orElseThrow().source()).isEqualTo("BANK_INDONESIA");
    }

    @Test
    void everyBadRowIsListedWithItsColumnAndNothingIsWritten() {
        RateSheet sheet = imports.importSheet(coop.id(), csv("""
                currency;date;rate;source
                MYR;2026-11-26;3550;WISE
                XYZ;2026-11-26;1;WISE
                MYR;26.11.2026;3550;WISE
                MYR;2026-11-25;3,550;WISE
                MYR;2026-11-24;3550;wise transfer
                """), "ENTERED");
        assertThat(sheet.imported()).isFalse();
        assertThat(sheet.errors()).extracting(e -> e.row() + " " + e.column() + " " + e.messageKey()).containsExactly(
                "3 currency money.currency.unknown", "4 date fx.import.date", "5 rate fx.rate.malformed",
                "6 source fx.rate.source.invalid");
        assertThat(stored()).isZero();
        assertThat(imports.check(coop.id(), csv("currency;rate\nMYR;1\n"), "ENTERED").errors())
                .extracting(RateSheet.RowError::messageKey).containsExactly("fx.import.column-missing");
    }
}
