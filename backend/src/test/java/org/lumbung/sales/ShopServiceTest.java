package org.lumbung.sales;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.EntryLine;
import org.lumbung.ledger.JournalEntry;
import org.lumbung.members.Member;
import org.lumbung.members.NewMember;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.testsupport.UniqueSuffix;

import java.math.BigDecimal;
import java.time.Year;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sales, returns, credit, savings, purchases and payables, stock counts and patronage, each against the ledger. */
class ShopServiceTest extends ShopTestBase {

    @BeforeEach
    void setUp() {
        setUpShop("shop");
        buy(keripik, "20", "10000", today.minusDays(10));
        buy(sambal, "10", "8000", today.minusDays(10));
    }

    @Test
    void theCatalogueStopsAtItsLimitSoTheValuationCountsEveryProduct() {
        for (int i = catalogue.products(coop.id(), false).size(); i < ShopCatalogue.MAX_PRODUCTS; i++) {
            catalogue.create(coop.id(), product("P-" + i, null, "Product " + i, "Barang " + i, "1000", "900"));
        }
        refused(() -> catalogue.create(coop.id(), product("ONE-MORE", null, "One more", "Satu lagi", "1000", "900")),
                "sales.product.too-many");
        StockValuation v = stock.valuation(coop.id(), today);
        assertThat(v.lines()).hasSize(ShopCatalogue.MAX_PRODUCTS);
        assertThat(v.total()).isEqualByComparingTo("280000");   // 20 × 10,000 + 10 × 8,000
        assertThat(v.agreesWithLedger()).isTrue();
    }

    @Test
    void aSaleIsOneBalancedEntryOfRevenueCostInventoryAndCash() {
        Sale s = sales.sell(coop.id(), new NewSale(null, Payment.CASH, List.of(
                new NewSale.Line(keripik.id(), new BigDecimal("3"), new BigDecimal("1500")),
                new NewSale.Line(sambal.id(), new BigDecimal("2"), null)), today, null, key()));
        // walk-in prices: 3 × 15,000 − 1,500 + 2 × 12,000 = 67,500; cost 3 × 10,000 + 2 × 8,000 = 46,000
        assertThat(s.total()).isEqualByComparingTo("67500");
        assertThat(s.cost()).isEqualByComparingTo("46000");
        assertThat(s.receipt()).isEqualTo("PJ-000001");
        JournalEntry e = ledger.entry(coop.id(), s.journalEntryId());
        assertThat(lines(e)).containsExactlyInAnyOrderEntriesOf(Map.of("1100", new BigDecimal("67500.00"),
                "4300", new BigDecimal("-67500.00"), "5100", new BigDecimal("46000.00"), "1400", new BigDecimal("-46000.00")));
        assertThat(reread(keripik).stockQuantity()).isEqualByComparingTo("17");
    }

    @Test
    void aProductOnTwoLinesHasEachMovementWithItsOwnPositionAfter() {
        buy(keripik, "10", "13000", today.minusDays(5));                 // 30 at 330,000 → 11,000 each
        Sale s = sales.sell(coop.id(), new NewSale(null, Payment.CASH, List.of(
                new NewSale.Line(keripik.id(), new BigDecimal("2"), null),
                new NewSale.Line(sambal.id(), new BigDecimal("1"), null),
                new NewSale.Line(keripik.id(), new BigDecimal("3"), null)), today, null, key()));
        List<StockMovement> moved = stock.movements(coop.id(), keripik.id(), today, today, 0, 10).stream()
                .filter(m -> s.id() == m.saleId()).sorted(java.util.Comparator.comparing(StockMovement::id)).toList();
        assertThat(moved).extracting(StockMovement::quantityAfter).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("28"), new BigDecimal("25"));
        assertThat(moved).extracting(StockMovement::valueAfter).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("308000"), new BigDecimal("275000"));
        assertThat(reread(keripik).stockQuantity()).isEqualByComparingTo("25");
    }

    @Test
    void aMemberPaysTheMemberPriceAndASecondSaveBooksOnce() {
        Member siti = member("Siti Aminah");
        NewSale sale = new NewSale(siti.id(), Payment.CASH, List.of(new NewSale.Line(keripik.id(), new BigDecimal("2"), null)),
                today, null, key());
        Sale first = sales.sell(coop.id(), sale);
        Sale again = sales.sell(coop.id(), sale);
        assertThat(first.total()).isEqualByComparingTo("28000");
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.replayed()).isTrue();
        refused(() -> sales.sell(coop.id(), new NewSale(siti.id(), Payment.CASH, List.of(new NewSale.Line(keripik.id(), new BigDecimal("3"),
                null)), today, null, sale.idempotencyKey())), "sales.key.used-elsewhere");
        assertThat(reread(keripik).stockQuantity()).isEqualByComparingTo("18");
    }

    @Test
    void aDiscountBeyondTheLimitIsRefused() {
        // 10 % of 2 × 15,000 = 3,000
        refused(() -> sales.sell(coop.id(), new NewSale(null, Payment.CASH, List.of(
                new NewSale.Line(keripik.id(), new BigDecimal("2"), new BigDecimal("3000.01"))), today, null, key())),
                "sales.discount.over-limit");
        assertThat(reread(keripik).stockQuantity()).isEqualByComparingTo("20");
    }

    @Test
    void noSaleTakesMoreThanTheShopHolds() {
        refused(() -> sell(null, Payment.CASH, sambal, "10.001"), "sales.stock.insufficient");
        refused(() -> sales.sell(coop.id(), new NewSale(null, Payment.CASH, List.of(
                new NewSale.Line(sambal.id(), new BigDecimal("6"), null), new NewSale.Line(sambal.id(), new BigDecimal("5"), null)),
                today, null, key())), "sales.stock.insufficient");
        sell(null, Payment.CASH, sambal, "10");
        assertThat(reread(sambal).stockQuantity()).isZero();
        assertThat(reread(sambal).stockValue()).isZero();
    }

    @Test
    void aCreditLimitIsSetOnlyForAMemberOfTheCooperative() {
        Cooperative other = newCooperative("shx-" + UniqueSuffix.next());
        Member stranger = members.register(other.id(), NewMember.basic("Dewi Lestari", "F", "Ngrupit", null, today.minusYears(1)));
        refused(() -> limits.setCreditLimit(coop.id(), stranger.id(), new BigDecimal("50000")), "member.not-found");
        assertThat(limits.creditLimit(other.id(), stranger.id())).as("her own cooperative's default, nothing written")
                .isEqualByComparingTo(ShopLimits.DEFAULTS.defaultCreditLimit());
    }

    @Test
    void creditUpToTheMembersLimitThenRefusedUntilRepaid() {
        Member siti = member("Siti Aminah");
        limits.setCreditLimit(coop.id(), siti.id(), new BigDecimal("50000"));
        sell(siti, Payment.CREDIT, keripik, "3");                         // 42,000 owed
        refused(() -> sell(siti, Payment.CREDIT, sambal, "1"), "sales.credit.over-limit"); // 42,000 + 11,000 > 50,000
        assertThat(credit.owed(coop.id(), siti.id())).isEqualByComparingTo("42000");
        credit.repay(coop.id(), siti.id(), new BigDecimal("20000"), Payment.CASH, today, key());
        sell(siti, Payment.CREDIT, sambal, "1");
        assertThat(credit.owed(coop.id(), siti.id())).isEqualByComparingTo("33000");
        assertThat(balance("1410")).isEqualByComparingTo("33000");
        refused(() -> credit.repay(coop.id(), siti.id(), new BigDecimal("33001"), Payment.CASH, today, key()), "sales.credit.repay-too-much");
        refused(() -> sell(null, Payment.CREDIT, sambal, "1"), "sales.payment.member-only");
    }

    @Test
    void creditRepaidFromSavingsKeepsTheMinimumAndHasAReceipt() {
        Member siti = member("Siti Aminah");
        SavingsAccount sukarela = voluntary(siti);
        deposit(sukarela, "50000");
        Sale bought = sell(siti, Payment.CREDIT, keripik, "2");          // 28,000 owed
        var repaid = credit.repay(coop.id(), siti.id(), new BigDecimal("28000"), Payment.SAVINGS, today, key());
        assertThat(credit.owed(coop.id(), siti.id())).isZero();
        assertThat(savings.account(coop.id(), sukarela.id()).balance()).isEqualByComparingTo("22000");
        sell(siti, Payment.CREDIT, keripik, "1");                         // 14,000 owed; 22,000 − 14,000 < 10,000
        refused(() -> credit.repay(coop.id(), siti.id(), new BigDecimal("14000"), Payment.SAVINGS, today, key()), "savings.withdrawal.minimum");
        refused(() -> credit.repay(coop.id(), siti.id(), new BigDecimal("1000"), Payment.CREDIT, today, key()), "sales.credit.repay-via");
        assertThat(credit.owed(coop.id(), siti.id())).isEqualByComparingTo("14000");
        byte[] pdf = credit.receipt(coop.id(), siti.id(), repaid.entry().id(), java.util.Locale.ENGLISH);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        refused(() -> credit.receipt(coop.id(), siti.id(), bought.journalEntryId(), java.util.Locale.ENGLISH),
                "sales.credit.receipt.not-found");
    }

    @Test
    void paidFromSavingsKeepsTheMinimumBalance() {
        Member siti = member("Siti Aminah");
        SavingsAccount sukarela = voluntary(siti);
        deposit(sukarela, "50000");
        Sale s = sell(siti, Payment.SAVINGS, keripik, "2");               // 28,000 → 22,000 left
        assertThat(savings.account(coop.id(), sukarela.id()).balance()).isEqualByComparingTo("22000");
        assertThat(lines(ledger.entry(coop.id(), s.journalEntryId()))).containsEntry(sukarela.number(), new BigDecimal("28000.00"));
        refused(() -> sell(siti, Payment.SAVINGS, keripik, "1"), "savings.withdrawal.minimum");   // 8,000 < 10,000 minimum
    }

    @Test
    void aReturnRefundsTheLinesShareAndPutsTheGoodsBackAtTheirCost() {
        Sale s = sales.sell(coop.id(), new NewSale(null, Payment.CASH, List.of(
                new NewSale.Line(keripik.id(), new BigDecimal("3"), new BigDecimal("1000"))), today, null, key()));
        // 3 × 15,000 − 1,000 = 44,000; returning 1 refunds 14,666.67, then 2 refund the 29,333.33 left
        Sale first = returns.takeBack(coop.id(), new NewReturn(s.id(), List.of(new NewReturn.Line(1, BigDecimal.ONE)), today, null, key()));
        assertThat(first.total()).isEqualByComparingTo("14666.67");
        assertThat(first.cost()).isEqualByComparingTo("10000");
        assertThat(first.receipt()).isEqualTo("RT-000002");
        refused(() -> returns.takeBack(coop.id(), new NewReturn(s.id(), List.of(new NewReturn.Line(1, new BigDecimal("3"))), today,
                null, key())), "sales.return.too-many");
        Sale rest = returns.takeBack(coop.id(), new NewReturn(s.id(), List.of(new NewReturn.Line(1, new BigDecimal("2"))), today, null, key()));
        assertThat(first.total().add(rest.total())).isEqualByComparingTo("44000");
        assertThat(balance("4310")).isEqualByComparingTo("-44000");
        assertThat(balance("5100")).isZero();
        assertThat(reread(keripik).stockQuantity()).isEqualByComparingTo("20");
        refused(() -> returns.takeBack(coop.id(), new NewReturn(first.id(), List.of(new NewReturn.Line(1, BigDecimal.ONE)), today, null,
                key())), "sales.return.of-return");
    }

    @Test
    void theStockValuationAsOfAnyDayEqualsTheInventoryAccount() {
        buy(keripik, "10", "13000", today.minusDays(5));                 // 30 at 330,000 → 11,000 each
        sales.sell(coop.id(), new NewSale(null, Payment.CASH, List.of(new NewSale.Line(keripik.id(), new BigDecimal("4"), null)),
                today.minusDays(3), null, key()));
        stock.spoil(coop.id(), sambal.id(), StockLocation.Kind.SHOP, BigDecimal.ONE, today.minusDays(2), "mouldy", key());
        for (int back : new int[] {11, 10, 5, 3, 2, 0}) {
            StockValuation v = stock.valuation(coop.id(), today.minusDays(back));
            assertThat(v.total()).as("%d days back", back).isEqualByComparingTo(v.inventoryAccount());
        }
        StockValuation now = stock.valuation(coop.id(), today);
        // keripik 26 × 11,000 = 286,000; sambal 9 × 8,000 = 72,000
        assertThat(now.total()).isEqualByComparingTo("358000");
        assertThat(stock.valuation(coop.id(), today.minusDays(11)).total()).isZero();
        assertThat(balance("5110")).isEqualByComparingTo("8000");
    }

    @Test
    void aMembersProduceIsOwedUntilPaidIntoHerSavings() {
        Member pak = member("Pak Slamet");
        SavingsAccount sukarela = voluntary(pak);
        BigDecimal owedToTraders = balance("2410");                      // the set-up's purchases, unpaid: 280,000
        Purchase p = purchases.receive(coop.id(), new NewPurchase(pak.id(), null, StockLocation.Kind.WAREHOUSE,
                List.of(new NewPurchase.Line(keripik.id(), new BigDecimal("10"), new BigDecimal("9000"))), today, null, key()));
        assertThat(p.supplierName()).isEqualTo("Pak Slamet");
        assertThat(balance("2410").subtract(owedToTraders)).isEqualByComparingTo("90000");
        purchases.pay(coop.id(), new PayablePayment(p.id(), new BigDecimal("60000"), PayablePayment.Channel.SAVINGS, today, key()));
        refused(() -> purchases.pay(coop.id(), new PayablePayment(p.id(), new BigDecimal("30001"), PayablePayment.Channel.CASH, today,
                key())), "sales.payable.too-much");
        Purchase paid = purchases.pay(coop.id(), new PayablePayment(p.id(), new BigDecimal("30000"), PayablePayment.Channel.CASH, today, key()));
        assertThat(paid.outstanding()).isZero();
        assertThat(balance("2410")).isEqualByComparingTo(owedToTraders);
        assertThat(savings.account(coop.id(), sukarela.id()).balance()).isEqualByComparingTo("60000");
        // the payment into her savings stands on her savings statement, as a deposit from the shop
        assertThat(savings.transactions(coop.id(), pak.id(), 0, 10)).filteredOn(t -> t.source() != null).singleElement().satisfies(t -> {
            assertThat(t.source()).isEqualTo(org.lumbung.savings.DepositSource.SHOP);
            assertThat(t.amount()).isEqualByComparingTo("60000");
            assertThat(t.note()).isEqualTo(p.reference());
        });
        // (20 × 10,000 + 10 × 9,000) / 30
        assertThat(reread(keripik).unitCost()).isEqualByComparingTo("9666.666667");
    }

    @Test
    void aStockCountPostsTheDifferencesAsAdjustments() {
        stock.transfer(coop.id(), keripik.id(), StockLocation.Kind.SHOP, new BigDecimal("5"), today, "shelf full");
        int adjusted = stock.count(coop.id(), StockLocation.Kind.SHOP, Map.of(keripik.id(), new BigDecimal("14"),
                sambal.id(), new BigDecimal("11")), today, key());
        assertThat(adjusted).isEqualTo(2);
        // keripik: 15 on the shelf, 14 counted → −10,000; sambal: 10 held, 11 counted → +8,000
        assertThat(balance("5110")).isEqualByComparingTo("2000");
        assertThat(reread(keripik).stockQuantity()).isEqualByComparingTo("19");
        assertThat(stock.levels(coop.id()).stream().filter(l -> l.product().id() == keripik.id()).findFirst().orElseThrow()
                .byLocation()).containsEntry("SHOP", new BigDecimal("14.000")).containsEntry("WAREHOUSE", new BigDecimal("5.000"));
    }

    @Test
    void patronageIsWhatEachMemberBoughtLessReturnsAndWhatSheSold() {
        Member siti = member("Siti Aminah");
        Member pak = member("Pak Slamet");
        Sale s = sell(siti, Payment.CASH, keripik, "2");                   // 28,000
        sell(siti, Payment.CASH, sambal, "1");                             // 11,000
        returns.takeBack(coop.id(), new NewReturn(s.id(), List.of(new NewReturn.Line(1, BigDecimal.ONE)), today, null, key())); // −14,000
        sell(null, Payment.CASH, sambal, "1");                             // walk-in: nobody's patronage
        purchases.receive(coop.id(), new NewPurchase(pak.id(), null, StockLocation.Kind.SHOP,
                List.of(new NewPurchase.Line(sambal.id(), new BigDecimal("4"), new BigDecimal("7500"))), today, null, key()));
        Year year = Year.of(today.getYear());
        Year fiscal = today.getMonthValue() >= coop.fiscalYearStart() ? year : year.minusYears(1);
        assertThat(new ShopPatronage.Bought(saleRows).patronage(coop, fiscal)).containsExactlyEntriesOf(Map.of(siti.id(), new BigDecimal("25000.00")));
        assertThat(new ShopPatronage.Sold(dsl).patronage(coop, fiscal)).containsExactlyEntriesOf(Map.of(pak.id(), new BigDecimal("30000.00")));
        assertThat(new ShopPatronage.Bought(saleRows).patronage(coop, fiscal.minusYears(1))).isEmpty();
    }

    @org.springframework.beans.factory.annotation.Autowired SaleRows saleRows;

    /** Each account's net amount in the entry: debits positive, credits negative. */
    private static Map<String, BigDecimal> lines(JournalEntry e) {
        Map<String, BigDecimal> net = new java.util.HashMap<>();
        for (EntryLine l : e.lines()) {
            net.merge(l.accountCode(), l.side() == org.lumbung.ledger.Side.DEBIT ? l.amount() : l.amount().negate(), BigDecimal::add);
        }
        return net;
    }
}
