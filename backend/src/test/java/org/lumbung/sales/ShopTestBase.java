package org.lumbung.sales;

import org.junit.jupiter.api.AfterEach;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.ChainVerifier;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.members.NewMember;
import org.lumbung.savings.InterestMethod;
import org.lumbung.savings.InterestPosting;
import org.lumbung.savings.Movement;
import org.lumbung.savings.NewSavingsProduct;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.savings.SavingsKind;
import org.lumbung.savings.SavingsProducts;
import org.lumbung.savings.SavingsService;
import org.lumbung.testsupport.DatabaseTest;
import org.lumbung.testsupport.LedgerInvariants;
import org.lumbung.testsupport.UniqueSuffix;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cooperative with cash (a grant), a voluntary savings product, two shop products in stock (keripik tempe bought
 * at 10,000, sambal pecel at 8,000); after every test the ledger's invariants hold and the stock valuation equals
 * the inventory account.
 */
abstract class ShopTestBase extends DatabaseTest {

    @Autowired ShopCatalogue catalogue;
    @Autowired SaleService sales;
    @Autowired SaleReturns returns;
    @Autowired PurchaseService purchases;
    @Autowired StockService stock;
    @Autowired ShopLimits limits;
    @Autowired ShopCredit credit;
    @Autowired MemberService members;
    @Autowired SavingsService savings;
    @Autowired SavingsProducts savingsProducts;
    @Autowired LedgerService ledger;
    @Autowired ChartOfAccounts chart;
    @Autowired ChainVerifier verifier;

    Cooperative coop;
    LocalDate today;
    ShopProduct keripik;
    ShopProduct sambal;

    void setUpShop(String prefix) {
        String suffix = UniqueSuffix.next();
        coop = newCooperative(prefix + "-" + suffix);
        today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        savingsProducts.create(coop.id(), new NewSavingsProduct("SUKARELA", "Voluntary savings", "Simpanan Sukarela",
                SavingsKind.VOLUNTARY, "IDR", "2100", null, null, new BigDecimal("10000"), BigDecimal.ZERO,
                InterestMethod.NONE, InterestPosting.MONTHLY, null, null));
        ledger.post(new PostingRequest(coop.id(), "grant-" + suffix, today.minusDays(60), "founding grant", "MANUAL", null,
                List.of(PostingLine.debit("1100", new BigDecimal("10000000")), PostingLine.credit("3300", new BigDecimal("10000000"))),
                "test-admin"));
        keripik = catalogue.create(coop.id(), product("KRP-TEMPE", "8991234567890", "Tempeh chips", "Keripik tempe", "15000", "14000"));
        sambal = catalogue.create(coop.id(), product("SMB-PECEL", null, "Pecel chilli paste", "Sambal pecel", "12000", "11000"));
    }

    static NewShopProduct product(String code, String barcode, String en, String id, String price, String memberPrice) {
        return new NewShopProduct(code, barcode, en, id, "pack", "Food", new BigDecimal(price), new BigDecimal(memberPrice), false,
                true, false, new BigDecimal("5"));
    }

    Purchase buy(ShopProduct p, String quantity, String unitCost, LocalDate date) {
        return purchases.receive(coop.id(), new NewPurchase(null, "UD Sumber Rejeki", StockLocation.Kind.SHOP,
                List.of(new NewPurchase.Line(p.id(), new BigDecimal(quantity), new BigDecimal(unitCost))), date, null, key()));
    }

    Sale sell(Member m, Payment payment, ShopProduct p, String quantity) {
        return sales.sell(coop.id(), new NewSale(m == null ? null : m.id(), payment,
                List.of(new NewSale.Line(p.id(), new BigDecimal(quantity), null)), today, null, key()));
    }

    Member member(String name) {
        return members.register(coop.id(), NewMember.basic(name, "F", "Ngrupit", "0812 3456 7890", today.minusYears(1)));
    }

    SavingsAccount voluntary(Member m) {
        return savings.accounts(coop.id(), m.id()).stream().filter(a -> a.kind() == SavingsKind.VOLUNTARY).findFirst().orElseThrow();
    }

    void deposit(SavingsAccount a, String amount) {
        savings.deposit(coop.id(), new Movement(a.id(), new BigDecimal(amount), today.minusDays(30), null, key()));
    }

    /** The normal balance of an account with its members' sub-accounts. */
    BigDecimal balance(String code) {
        return chart.balanceWithDescendants(coop.id(), code);
    }

    ShopProduct reread(ShopProduct p) {
        return catalogue.product(coop.id(), p.id());
    }

    @AfterEach
    void invariantsHold() {
        if (coop == null) {
            return;
        }
        LedgerInvariants.assertHold(dsl, verifier, coop.id());
        StockValuation v = stock.valuation(coop.id(), today);
        assertThat(v.total()).as("stock valuation = inventory account").isEqualByComparingTo(v.inventoryAccount());
        for (ShopProduct p : catalogue.products(coop.id(), false)) {
            StockValuation.Line line = v.lines().stream().filter(l -> l.productId() == p.id()).findFirst().orElseThrow();
            assertThat(line.quantity()).as("%s: movements = product's quantity", p.code()).isEqualByComparingTo(p.stockQuantity());
            assertThat(line.value()).as("%s: movements = product's value", p.code()).isEqualByComparingTo(p.stockValue());
        }
    }
}
