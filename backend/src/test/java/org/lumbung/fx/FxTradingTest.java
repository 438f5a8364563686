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
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Realized gains and losses, a worked example:
 * <ol>
 *   <li>MYR 1,000.00 carried home at 3,550 → cost IDR 3,550,000.00;</li>
 *   <li>MYR 500.00 at 3,580.123456 → 1,790,061.728 → IDR 1,790,061.73. Held 1,500.00 at a cost of 5,340,061.73
 *       (carrying rate 3,560.04115333);</li>
 *   <li>MYR 600.00 sold to a money changer for IDR 2,160,000.00: cost 600 × 5,340,061.73 / 1,500 = 2,136,024.692
 *       → 2,136,024.69, a realized gain of 23,975.31. Left: 900.00 at 3,204,037.04;</li>
 *   <li>the other MYR 900.00 converted at the bank for 3,150,000.00: all the cost, 3,204,037.04, a loss of 54,037.04.</li>
 * </ol>
 */
class FxTradingTest extends DatabaseTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    @Autowired
    FxTrading trading;
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
        coop = newCooperative("t" + UUID.randomUUID().toString().substring(0, 8));
    }

    void receive(String key, String holding, String myr, String idr) {
        FxFixture.receive(ledger, fx, coop.id(), key, DAY, "BANK".equals(holding), "MYR", myr, idr);
    }

    FxSaleResult sell(String key, FxSale.Holding from, String myr, String idr) {
        return trading.sell(coop.id(), new FxSale("MYR", new BigDecimal(myr), new BigDecimal(idr), from, DAY, key));
    }

    @Test
    void aSaleRealizesTheDifferenceToTheWeightedAverageCarryingRate() {
        receive("receive-0001", "CASH", "1000.00", "3550000.00");
        receive("receive-0002", "BANK", "500.00", "1790061.73");
        FxPosition before = trading.position(coop.id(), "MYR");
        assertThat(before.held()).isEqualByComparingTo("1500.00");
        assertThat(before.cost()).isEqualByComparingTo("5340061.73");
        assertThat(before.carryingRate()).isEqualByComparingTo("3560.04115333");

        FxSaleResult gain = sell("fx-sale-0001", FxSale.Holding.CASH, "600.00", "2160000.00");
        assertThat(gain.carryingCost()).isEqualByComparingTo("2136024.69");
        assertThat(gain.realized()).isEqualByComparingTo("23975.31");
        assertThat(chart.account(coop.id(), "4500").balance()).isEqualByComparingTo("23975.31");
        assertThat(chart.account(coop.id(), "1100").balance()).isEqualByComparingTo("2160000.00");
        assertThat(trading.position(coop.id(), "MYR").cost()).isEqualByComparingTo("3204037.04");

        // 400.00 of cash is left, 500.00 in the bank: the rest comes from both
        sell("fx-sale-0002", FxSale.Holding.CASH, "400.00", "1400000.00");
        FxSaleResult loss = sell("fx-sale-0003", FxSale.Holding.BANK, "500.00", "1750000.00");
        FxPosition after = trading.position(coop.id(), "MYR");
        assertThat(after.held()).isEqualByComparingTo("0");
        assertThat(after.cost()).as("selling all takes all the cost: nothing is left behind by rounding").isEqualByComparingTo("0");
        assertThat(after.carryingRate()).isNull();
        assertThat(loss.realized()).isNegative();
        // the two sales of the 900.00 lost 3,204,037.04 − 3,150,000.00 together
        assertThat(chart.account(coop.id(), "5700").balance().subtract(chart.account(coop.id(), "4500").balance())
                .add(new BigDecimal("23975.31"))).isEqualByComparingTo("54037.04");
        LedgerInvariants.assertHold(dsl, verifier, coop.id());
    }

    @Test
    void moreThanIsHeldCannotBeSoldAndNothingIsBooked() {
        receive("receive-0001", "CASH", "100.00", "355000.00");
        assertThatThrownBy(() -> sell("fx-sale-000x", FxSale.Holding.CASH, "100.01", "355000.00"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("fx.sale.more-than-held"));
        assertThatThrownBy(() -> sell("fx-sale-000y", FxSale.Holding.CASH, "10.001", "35500.00"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("money.amount.too-many-decimals"));
        assertThat(trading.position(coop.id(), "MYR").held()).isEqualByComparingTo("100.00");
        assertThat(chart.account(coop.id(), "1100").postingCount()).isZero();
    }

    @Test
    void aReplayedSaleAnswersTheFirstSaleAfterThePositionMoved() {
        receive("receive-0001", "CASH", "1000.00", "3550000.00");
        receive("receive-0002", "BANK", "500.00", "1790061.73");
        FxSaleResult first = sell("fx-sale-0001", FxSale.Holding.CASH, "600.00", "2160000.00");
        // the position moved since (the sale itself, another sale): the same request still answers the first sale
        sell("fx-sale-0002", FxSale.Holding.BANK, "500.00", "1750000.00");
        FxSaleResult replay = sell("fx-sale-0001", FxSale.Holding.CASH, "600.00", "2160000.00");
        assertThat(replay.entry().id()).isEqualTo(first.entry().id());
        assertThat(replay.carryingCost()).isEqualByComparingTo(first.carryingCost());
        assertThat(replay.realized()).isEqualByComparingTo(first.realized());
        assertThat(replay.carryingRate()).isEqualByComparingTo(first.carryingRate());
        assertThat(dsl.fetchCount(dsl.selectFrom("journal_entry").where("source_type = 'FX' and cooperative_id = " + coop.id())))
                .as("two sales booked, the replay none").isEqualTo(2);
        // the same key for another sale is a conflict, nothing booked
        assertThatThrownBy(() -> sell("fx-sale-0001", FxSale.Holding.CASH, "600.00", "2150000.00"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("fx.sale.key.used-for-other"));
        assertThat(chart.account(coop.id(), "1100").balance()).isEqualByComparingTo("2160000.00");
        LedgerInvariants.assertHold(dsl, verifier, coop.id());
    }
}
