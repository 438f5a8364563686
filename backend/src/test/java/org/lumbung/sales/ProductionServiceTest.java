package org.lumbung.sales;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.ledger.JournalEntry;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production from members' produce on a worked example: cassava bought from members (100 kg at 3,000, then 50 kg at
 * 3,600: 150 kg at 3,200) and cooking oil (10 l at 15,500) make keripik singkong by a recipe of 20 kg cassava and 2 l
 * oil for 40 packs.
 */
class ProductionServiceTest extends ShopTestBase {

    @Autowired ProductionService production;

    ShopProduct cassava;
    ShopProduct oil;
    ShopProduct chips;

    @BeforeEach
    void setUp() {
        setUpShop("prod");
        cassava = catalogue.create(coop.id(), new NewShopProduct("SINGKONG", null, "Cassava", "Singkong", "kg", "Raw materials",
                new BigDecimal("4000"), new BigDecimal("4000"), false, false, false, BigDecimal.ZERO));
        oil = catalogue.create(coop.id(), product("MINYAK-1", null, "Cooking oil 1 l", "Minyak goreng 1 l", "18000", "17000"));
        chips = catalogue.create(coop.id(), product("KRP-SINGKONG", null, "Cassava chips", "Keripik singkong", "8000", "7500"));
        buy(cassava, "100", "3000", today.minusDays(10));
        buy(cassava, "50", "3600", today.minusDays(9));
        buy(oil, "10", "15500", today.minusDays(9));
        production.setRecipe(coop.id(), chips.id(), new BigDecimal("40"), List.of(
                new NewProduction.Input(cassava.id(), new BigDecimal("20")), new NewProduction.Input(oil.id(), new BigDecimal("2"))));
    }

    @Test
    void aRunConsumesTheRecipeAtAverageCostAndCarriesItIntoTheOutputWithItsOtherCosts() {
        BigDecimal cash = balance("1100");
        Production run = production.produce(coop.id(), new NewProduction(chips.id(), new BigDecimal("60"), StockLocation.Kind.SHOP,
                List.of(), List.of(new NewProduction.Cost("gas", new BigDecimal("12000")),
                new NewProduction.Cost("upah goreng", new BigDecimal("30000"))), today.minusDays(2), null, key()));
        // 60 packs = 1.5 batches: 30 kg × 3,200 = 96,000 and 3 l × 15,500 = 46,500; with 42,000 of costs 184,500
        assertThat(run.reference()).isEqualTo("PR-000001");
        assertThat(run.inputs()).extracting(Production.Input::quantity).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("3"), new BigDecimal("30"));          // MINYAK-1, SINGKONG: code order
        assertThat(run.materialsCost()).isEqualByComparingTo("142500");
        assertThat(run.cost()).isEqualByComparingTo("184500");
        assertThat(reread(chips).stockValue()).isEqualByComparingTo("184500");
        assertThat(reread(chips).unitCost()).isEqualByComparingTo("3075");
        assertThat(reread(cassava).stockQuantity()).isEqualByComparingTo("120");
        assertThat(reread(cassava).stockValue()).isEqualByComparingTo("384000");
        assertThat(balance("1100")).isEqualByComparingTo(cash.subtract(new BigDecimal("42000")));
        JournalEntry e = ledger.entry(coop.id(), run.journalEntryId());
        assertThat(e.lines()).extracting(l -> l.accountCode() + " " + l.side() + " " + l.amount().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("1400 DEBIT 184500", "1400 CREDIT 142500", "1100 CREDIT 42000");
        List<StockMovement> moved = stock.movements(coop.id(), null, today.minusDays(2), today.minusDays(2), 0, 10);
        assertThat(moved).allMatch(m -> m.kind() == StockMovement.Kind.PRODUCTION && "PR-000001".equals(m.reason()));
        assertThat(moved.stream().map(StockMovement::value).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("42000");
        Sale s = sell(null, Payment.CASH, chips, "4");
        assertThat(s.cost()).isEqualByComparingTo("12300");
    }

    @Test
    void theCostIsCarriedExactlyWhenTheAverageDoesNotDivide() {
        ShopProduct tempe = catalogue.create(coop.id(), product("TEMPE", null, "Tempeh", "Tempe", "5000", "5000"));
        buy(tempe, "3", "3333.33", today.minusDays(5));                   // 9,999.99 for 3
        buy(tempe, "0.001", "10", today.minusDays(5));                      // 10,000.00 for 3.001
        List<NewProduction.Input> one = List.of(new NewProduction.Input(tempe.id(), BigDecimal.ONE));
        Production first = production.produce(coop.id(), new NewProduction(keripik.id(), new BigDecimal("5"), StockLocation.Kind.SHOP,
                one, List.of(), today, null, key()));
        Production rest = production.produce(coop.id(), new NewProduction(keripik.id(), new BigDecimal("10"), StockLocation.Kind.SHOP,
                List.of(new NewProduction.Input(tempe.id(), new BigDecimal("2.001"))), List.of(), today, null, key()));
        // 1 of 3.001 at 10,000.00 → 3,332.22; the 2.001 left take exactly the 6,667.78 left
        assertThat(first.cost()).isEqualByComparingTo("3332.22");
        assertThat(rest.cost()).isEqualByComparingTo("6667.78");
        assertThat(reread(tempe).stockValue()).isZero();
        assertThat(reread(tempe).stockQuantity()).isZero();
    }

    @Test
    void aRunNeverTakesMoreThanTheLocationHoldsAndChangesNothingWhenRefused() {
        refused(() -> production.produce(coop.id(), new NewProduction(chips.id(), new BigDecimal("400"), StockLocation.Kind.SHOP,
                List.of(), List.of(), today, null, key())), "sales.stock.insufficient");       // 200 kg of cassava wanted
        refused(() -> production.produce(coop.id(), new NewProduction(chips.id(), new BigDecimal("40"), StockLocation.Kind.WAREHOUSE,
                List.of(), List.of(), today, null, key())), "sales.stock.insufficient");       // all is in the shop
        refused(() -> production.produce(coop.id(), new NewProduction(keripik.id(), BigDecimal.ONE, StockLocation.Kind.SHOP,
                List.of(), List.of(), today, null, key())), "sales.production.no-recipe");
        refused(() -> production.setRecipe(coop.id(), chips.id(), BigDecimal.ONE, List.of(new NewProduction.Input(chips.id(),
                BigDecimal.ONE))), "sales.production.input.is-output");
        assertThat(reread(cassava).stockQuantity()).isEqualByComparingTo("150");
        assertThat(reread(chips).stockQuantity()).isZero();
        assertThat(production.productions(coop.id(), today.minusDays(30), today, 10)).isEmpty();
    }

    @Test
    void aRunSavedTwiceIsBookedOnce() {
        NewProduction run = new NewProduction(chips.id(), new BigDecimal("40"), StockLocation.Kind.SHOP, List.of(), List.of(),
                today, null, key());
        Production first = production.produce(coop.id(), run);
        Production again = production.produce(coop.id(), run);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.replayed()).isTrue();
        assertThat(reread(chips).stockQuantity()).isEqualByComparingTo("40");
    }
}
