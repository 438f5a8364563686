package org.lumbung.fx;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.DomainException;
import org.lumbung.testsupport.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lumbung.db.jooq.Tables.EXCHANGE_RATE;

class ExchangeRateServiceTest extends DatabaseTest {

    /** Thursday 26 and Friday 27 November 2026; the weekend 28–29 has no rate. */
    static final LocalDate THURSDAY = LocalDate.of(2026, 11, 26);
    static final LocalDate FRIDAY = THURSDAY.plusDays(1);

    @Autowired
    ExchangeRateService rates;

    Cooperative coop;

    @BeforeEach
    void cooperative() {
        coop = newCooperative("r" + UUID.randomUUID().toString().substring(0, 8));
    }

    List<RecordedRate> record(NewRate... r) {
        return rates.record(coop.id(), List.of(r));
    }

    static NewRate myr(LocalDate day, String rate) {
        return new NewRate("MYR", day, new BigDecimal(rate), "BANK_INDONESIA");
    }

    void assertRefused(String key, Runnable action) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    @Test
    void aWeekendResolvesToFridaysRate() {
        record(myr(THURSDAY, "3549.5"), myr(FRIDAY, "3550.123456"));

        for (LocalDate day : List.of(FRIDAY, FRIDAY.plusDays(1), FRIDAY.plusDays(2), FRIDAY.plusDays(3))) {
            DatedRate r = rates.rateOn(coop.id(), "MYR", day).orElseThrow();
            assertThat(r.rateDate()).as("%s", day).isEqualTo(FRIDAY);
            assertThat(r.rate().toPlainString()).isEqualTo("3550.123456");
            assertThat(r.source()).isEqualTo("BANK_INDONESIA");
            assertThat(r.stale()).isFalse();
        }
        assertThat(rates.rateOn(coop.id(), "MYR", THURSDAY).orElseThrow().rate()).isEqualByComparingTo("3549.5");
        assertThat(rates.rateOn(coop.id(), "MYR", THURSDAY.minusDays(1))).isEmpty();
        assertThat(rates.rateOn(coop.id(), "HKD", FRIDAY)).isEmpty();
    }

    /** Stale after 5 days by default: Friday's rate still serves Wednesday, not Thursday. */
    @Test
    void anOldRateIsReturnedButFlaggedStale() {
        record(myr(FRIDAY, "3550"));
        assertThat(rates.rateOn(coop.id(), "MYR", FRIDAY.plusDays(5)).orElseThrow().stale()).isFalse();
        DatedRate old = rates.rateOn(coop.id(), "MYR", FRIDAY.plusDays(6)).orElseThrow();
        assertThat(old.stale()).isTrue();
        assertThat(old.rateDate()).isEqualTo(FRIDAY);
    }

    @Test
    void theCooperativesOwnCurrencyHasTheRateOne() {
        DatedRate idr = rates.rateOn(coop.id(), "IDR", FRIDAY).orElseThrow();
        assertThat(idr.rate()).isEqualByComparingTo("1");
        assertThat(idr.stale()).isFalse();
        assertRefused("fx.currency.is-base", () -> record(new NewRate("IDR", FRIDAY, BigDecimal.ONE, "ENTERED")));
    }

    /** 5 % from the last known rate waits for a chair; it is not used until then. */
    @Test
    void anOutlyingRateWaitsAndIsNotUsed() {
        record(myr(THURSDAY, "3550"));
        List<RecordedRate> r = record(myr(FRIDAY, "3727.51"));
        assertThat(r).singleElement().satisfies(x -> {
            assertThat(x.outcome()).isEqualTo(RecordedRate.Outcome.PENDING);
            assertThat(x.previous()).isEqualByComparingTo("3550");
        });
        assertThat(rates.rateOn(coop.id(), "MYR", FRIDAY).orElseThrow().rateDate()).isEqualTo(THURSDAY);
        // exactly 5 % is within the limit
        assertThat(record(myr(FRIDAY.plusDays(3), "3727.50")).get(0).outcome()).isEqualTo(RecordedRate.Outcome.RECORDED);
        assertThat(ExchangeRateService.outlying(new BigDecimal("100"), new BigDecimal("94.99"), new BigDecimal("5"))).isTrue();
    }

    @Test
    void aDaysRateIsRecordedOnceAndTheSameRateAgainChangesNothing() {
        long id = record(myr(FRIDAY, "3550.10")).get(0).id();
        assertThat(record(myr(FRIDAY, "3550.1000")).get(0)).satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(RecordedRate.Outcome.UNCHANGED);
            assertThat(r.id()).isEqualTo(id);
        });
        assertRefused("fx.rate.day-taken", () -> record(myr(FRIDAY, "3551")));
        assertRefused("fx.rate.twice", () -> record(myr(THURSDAY, "3550"), myr(THURSDAY, "3550")));
        assertThat(dsl.fetchCount(EXCHANGE_RATE, EXCHANGE_RATE.COOPERATIVE_ID.eq(coop.id()))).isEqualTo(1);
    }

    @Test
    void badRatesAreRefusedAndNothingIsRecorded() {
        assertRefused("fx.rate.too-precise", () -> record(myr(THURSDAY, "3550"), myr(FRIDAY, "3550.123456789")));
        assertRefused("fx.rate.range", () -> record(myr(FRIDAY, "0")));
        assertRefused("fx.rate.range", () -> record(myr(FRIDAY, "-1")));
        assertRefused("fx.rate.range", () -> record(myr(FRIDAY, "1E+2147483600")));
        assertRefused("fx.rate.too-precise", () -> record(myr(FRIDAY, "1E-2147483600")));
        assertRefused("money.currency.unknown", () -> record(new NewRate("XYZ", FRIDAY, BigDecimal.ONE, "ENTERED")));
        assertRefused("fx.rate.source.invalid", () -> record(new NewRate("MYR", FRIDAY, BigDecimal.ONE, "bank indonesia")));
        assertRefused("fx.rate.date.range", () -> record(myr(LocalDate.of(2999, 1, 1), "3550")));
        assertRefused("fx.rate.date.missing", () -> record(myr(null, "3550")));
        assertRefused("fx.rate.batch.size", () -> rates.record(coop.id(), List.of()));
        assertThat(dsl.fetchCount(EXCHANGE_RATE, EXCHANGE_RATE.COOPERATIVE_ID.eq(coop.id()))).isZero();
    }
}
