package org.lumbung.fx;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.ChainVerifier;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.LedgerService;
import org.lumbung.platform.DomainException;
import org.lumbung.testsupport.DatabaseTest;
import org.lumbung.testsupport.LedgerInvariants;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;

/**
 * Unrealized gains and losses, cumulative, a worked example:
 * <ol>
 *   <li>15 Oct: MYR 1,000.00 arrive at 3,550 (cost 3,550,000.00).</li>
 *   <li>31 Oct (a Saturday: Friday's rate 3,600): worth 3,600,000.00, unrealized +50,000.00 → Dr 1920.MYR, Cr 4510.</li>
 *   <li>10 Nov: MYR 400.00 sold for 1,432,000.00: cost 1,420,000.00, realized gain 12,000.00 (4500).</li>
 *   <li>30 Nov, rate 3,500: 600.00 held at a cost of 2,130,000.00 worth 2,100,000.00, unrealized −30,000.00; 1920.MYR
 *       shows +50,000.00, so −80,000.00 is booked → Dr 5710, Cr 1920.MYR.</li>
 * </ol>
 * Together −18,000.00: 1,432,000 + 2,100,000 for what cost 3,550,000.
 */
class FxRevaluationTest extends DatabaseTest {

    static final LocalDate OCT_15 = LocalDate.of(2026, 10, 15);

    @Autowired
    FxRevaluation revaluation;
    @Autowired
    FxTrading trading;
    @Autowired
    ExchangeRateService rates;
    @Autowired
    ForeignCurrencyAccounts fx;
    @Autowired
    ChartOfAccounts chart;
    @Autowired
    LedgerService ledger;
    @Autowired
    ChainVerifier verifier;

    Cooperative coop;

    @BeforeEach
    void cooperative() {
        coop = newCooperative("u" + UUID.randomUUID().toString().substring(0, 8));
    }

    void rate(LocalDate day, String rate) {
        rates.record(coop.id(), List.of(new NewRate("MYR", day, new BigDecimal(rate), "BANK_INDONESIA")));
    }

    BigDecimal balance(String code) {
        return chart.account(coop.id(), code).balance();
    }

    @Test
    void theMonthEndBooksTheUnrealizedResultCumulativelyAndASecondRunBooksNothing() {
        rate(OCT_15, "3550");
        rate(LocalDate.of(2026, 10, 30), "3600");
        FxFixture.receive(ledger, fx, coop.id(), "receive-0001", OCT_15, false, "MYR", "1000.00", "3550000.00");

        FxRevaluation.Run october = revaluation.revalue(coop.id(), YearMonth.of(2026, 10));
        assertThat(october.replayed()).isFalse();
        assertThat(october.lines()).singleElement().satisfies(l -> {
            assertThat(l.rateDate()).isEqualTo(LocalDate.of(2026, 10, 30));
            assertThat(l.unrealized()).isEqualByComparingTo("50000.00");
            assertThat(l.adjustment()).isEqualByComparingTo("50000.00");
        });
        assertThat(balance("1920.MYR")).isEqualByComparingTo("50000.00");
        assertThat(balance("4510")).isEqualByComparingTo("50000.00");
        int entries = dsl.fetchCount(JOURNAL_ENTRY, JOURNAL_ENTRY.COOPERATIVE_ID.eq(coop.id()));

        FxRevaluation.Run again = revaluation.revalue(coop.id(), YearMonth.of(2026, 10));
        assertThat(again.replayed()).isTrue();
        assertThat(again.journalEntryId()).isEqualTo(october.journalEntryId());
        assertThat(dsl.fetchCount(JOURNAL_ENTRY, JOURNAL_ENTRY.COOPERATIVE_ID.eq(coop.id()))).isEqualTo(entries);
        assertThat(balance("4510")).isEqualByComparingTo("50000.00");

        rate(LocalDate.of(2026, 11, 10), "3580");
        rate(LocalDate.of(2026, 11, 30), "3500");
        FxSaleResult sale = trading.sell(coop.id(), new FxSale("MYR", new BigDecimal("400.00"), new BigDecimal("1432000.00"),
                FxSale.Holding.CASH, LocalDate.of(2026, 11, 10), "fx-sale-0001"));
        assertThat(sale.realized()).isEqualByComparingTo("12000.00");

        FxRevaluation.Run november = revaluation.revalue(coop.id(), YearMonth.of(2026, 11));
        assertThat(november.lines()).singleElement().satisfies(l -> {
            assertThat(l.held()).isEqualByComparingTo("600.00");
            assertThat(l.cost()).isEqualByComparingTo("2130000.00");
            assertThat(l.unrealized()).isEqualByComparingTo("-30000.00");
            assertThat(l.adjustment()).isEqualByComparingTo("-80000.00");
        });
        assertThat(balance("1920.MYR")).isEqualByComparingTo("-30000.00");
        assertThat(balance("5710")).isEqualByComparingTo("80000.00");
        BigDecimal result = balance("4500").add(balance("4510")).subtract(balance("5700")).subtract(balance("5710"));
        assertThat(result).isEqualByComparingTo("-18000.00");
        // October again is its first run's answer; September, before a month already revalued, is refused
        assertThat(revaluation.revalue(coop.id(), YearMonth.of(2026, 10)).replayed()).isTrue();
        assertThatThrownBy(() -> revaluation.revalue(coop.id(), YearMonth.of(2026, 9))).isInstanceOfSatisfying(
                DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("fx.revaluation.later-done"));
        assertThat(balance("1920.MYR")).isEqualByComparingTo("-30000.00");
        LedgerInvariants.assertHold(dsl, verifier, coop.id());
    }

    @Test
    void aMonthNotYetEndedOrAHeldCurrencyWithoutARateIsRefused() {
        FxFixture.receive(ledger, fx, coop.id(), "receive-0002", OCT_15, false, "USD", "10.00", "157350.00");
        assertThatThrownBy(() -> revaluation.revalue(coop.id(), YearMonth.of(2026, 10))).isInstanceOfSatisfying(
                DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("fx.revaluation.no-rate"));
        assertThatThrownBy(() -> revaluation.revalue(coop.id(), YearMonth.of(2999, 1))).isInstanceOfSatisfying(
                DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("fx.revaluation.month.open"));
    }
}
