package org.lumbung.ui.sales;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.KeyDownEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.sales.ShopCatalogue;
import org.lumbung.sales.ShopProduct;
import org.lumbung.sales.StockLevel;
import org.lumbung.sales.StockMovement;
import org.lumbung.ui.KaribuTest;
import org.lumbung.ui.my.MyAccountView;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop's screens on the sample cooperative: the treasurer sells at the counter with the keyboard (a scanned code
 * and Enter add a line, a name with one match too, the member's number gives her price, F9's button pays), reads the
 * sale in the history and the stock screen; the member sees her purchase on her phone.
 */
class ShopScreensTest extends KaribuTest {

    @Autowired
    CooperativeService cooperatives;
    @Autowired
    ShopCatalogue catalogue;

    @Test
    @SuppressWarnings("unchecked")
    void aSaleAtTheCounterWithTheKeyboardThenInTheHistoryAndOnTheMembersPhone() {
        signIn("treasurer", Locale.ENGLISH);
        long coop = cooperatives.byCode("ngrupit").id();
        BigDecimal before = catalogue.scan(coop, "KRP-TEMPE").orElseThrow().stockQuantity();
        UI.getCurrent().navigate(SalesCounterView.class);
        TextField search = _get(TextField.class, spec -> spec.withId("shop-search"));
        _setValue(search, "8997001000011");                       // the keripik tempe's barcode, as a scanner types it
        _setValue(_get(TextField.class, spec -> spec.withId("shop-quantity")), "2");
        enter(search);
        _setValue(search, "minyak");                               // one product's name has it
        enter(search);
        Grid<SalesCounterView.CartLine> cart = _get(Grid.class, spec -> spec.withId("shop-cart"));
        assertThat(cart.getGenericDataView().getItems().count()).isEqualTo(2);
        _setValue(_get(IntegerField.class, spec -> spec.withId("shop-member")), 1);
        assertThat(_get(Span.class, spec -> spec.withId("shop-total")).getText()).contains("45,000");   // 2 × 14,000 + 17,000
        _click(_get(Button.class, spec -> spec.withId("shop-pay")));
        assertThat(_get(Span.class, spec -> spec.withId("shop-last-receipt")).getText()).contains("PJ-");
        assertThat(cart.getGenericDataView().getItems().count()).isZero();
        assertThat(catalogue.scan(coop, "KRP-TEMPE").orElseThrow().stockQuantity()).isEqualByComparingTo(before.subtract(BigDecimal.valueOf(2)));

        UI.getCurrent().navigate(SalesHistoryView.class);
        Span count = _get(Span.class, spec -> spec.withId("shop-sales-count"));
        assertThat(count.getText()).isNotBlank();
        ShopProduct tempe = catalogue.scan(coop, "KRP-TEMPE").orElseThrow();
        assertThat(tempe.nameEn()).as("the sample names it in both languages").isNotEqualTo(tempe.nameId());
        UI.getCurrent().navigate(StockMovementsView.class);
        Grid<StockMovement> movements = _get(Grid.class, spec -> spec.withId("shop-movements-grid"));
        assertThat(IntStream.range(0, 2).mapToObj(row -> GridKt._getFormattedRow(movements, row)))
                .as("the sale's two movements, newest first, each product named in the reader's language")
                .anySatisfy(row -> assertThat(row).contains(tempe.nameEn()).doesNotContain(tempe.nameId()));
        UI.getCurrent().navigate(StockView.class);
        Grid<StockLevel> stock = _get(Grid.class, spec -> spec.withId("shop-stock-grid"));
        assertThat(stock.getGenericDataView().getItems().count()).isGreaterThanOrEqualTo(8);
        assertThat(_get(Span.class, spec -> spec.withId("shop-valuation")).getText()).contains("=");

        setUpVaadinAgain();
        signIn("ngrupit-1", Locale.ENGLISH);
        UI.getCurrent().navigate(MyAccountView.class);
        assertThat(_get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, spec -> spec.withId("my-purchases"))
                .getChildren().count()).isGreaterThan(1);
        assertThat(_find(Span.class)).extracting(Span::getText).as("her purchase, named in her language")
                .anySatisfy(text -> assertThat(text).contains(tempe.nameEn()));
    }

    @Autowired
    org.lumbung.sales.ShopLimits limits;
    @Autowired
    org.lumbung.sales.ShopCredit credit;
    @Autowired
    org.lumbung.sales.SaleService sales;
    @Autowired
    org.lumbung.members.MemberService members;
    @Autowired
    org.lumbung.sales.StockService stock;
    @Autowired
    org.lumbung.sales.ProductionService production;

    @Test
    @SuppressWarnings("unchecked")
    void theChairSetsTheLimitsAndTakesARepaymentOfShopCreditWithAReceipt() {
        signIn("chair", Locale.ENGLISH);
        long coop = cooperatives.byCode("ngrupit").id();
        org.lumbung.members.Member m = java.util.stream.IntStream.rangeClosed(20, 60)
                .mapToObj(n -> members.byNumber(coop, n).orElseThrow())
                .filter(x -> x.status() == org.lumbung.members.MemberStatus.ACTIVE).findFirst().orElseThrow();
        UI.getCurrent().navigate(ShopCreditView.class);
        _setValue(_get(IntegerField.class, spec -> spec.withId("credit-member")), m.memberNumber());
        assertThat(_get(Span.class, spec -> spec.withId("credit-owed")).getText()).contains(m.fullName());
        _setValue(_get(TextField.class, spec -> spec.withId("credit-limit")), "750000");
        _click(_get(Button.class, spec -> spec.withId("credit-limit-save")));
        assertThat(limits.creditLimit(coop, m.id())).isEqualByComparingTo("750000");
        _setValue(_get(com.vaadin.flow.component.textfield.BigDecimalField.class, spec -> spec.withId("limits-discount")),
                new BigDecimal("12.5"));
        _click(_get(Button.class, spec -> spec.withId("limits-save")));
        assertThat(limits.settings(coop).maxDiscountPercent()).isEqualByComparingTo("12.5");
        limits.update(coop, new org.lumbung.sales.ShopSettings(BigDecimal.TEN, limits.settings(coop).defaultCreditLimit()));

        long keripik = catalogue.scan(coop, "KRP-TEMPE").orElseThrow().id();
        sales.sell(coop, new org.lumbung.sales.NewSale(m.id(), org.lumbung.sales.Payment.CREDIT, java.util.List.of(
                new org.lumbung.sales.NewSale.Line(keripik, BigDecimal.ONE, null)), null, null, "screen-credit-" + m.id()));
        BigDecimal owed = credit.owed(coop, m.id());
        _setValue(_get(TextField.class, spec -> spec.withId("credit-amount")), "14000");
        _click(_get(Button.class, spec -> spec.withId("credit-repay")));
        assertThat(credit.owed(coop, m.id())).isEqualByComparingTo(owed.subtract(new BigDecimal("14000")));
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("credit-receipt")).getHref()).isNotBlank();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aProductionRunOfKeripikSingkongFromTheScreen() {
        signIn("treasurer", Locale.ENGLISH);
        long coop = cooperatives.byCode("ngrupit").id();
        org.lumbung.sales.ShopProduct chips = production.madeProducts(coop).get(0);
        BigDecimal cassava = catalogue.products(coop, false).stream().filter(p -> p.code().equals("SINGKONG")).findFirst()
                .orElseThrow().stockQuantity();
        assertThat(production.productions(coop, java.time.LocalDate.now().minusYears(2), java.time.LocalDate.now().plusDays(2), 500))
                .as("the sample's runs").isNotEmpty();
        UI.getCurrent().navigate(ProductionView.class);
        _setValue(_get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("recipe-product")), chips);
        assertThat(_get(TextField.class, spec -> spec.withId("recipe-output")).getValue()).isEqualTo("40");
        assertThat(_get(Grid.class, spec -> spec.withId("recipe-lines")).getGenericDataView().getItems().count()).isEqualTo(2);
        _click(_get(Button.class, spec -> spec.withId("recipe-save")));                  // saved again as it was
        assertThat(production.recipe(coop, chips.id()).orElseThrow().inputs()).hasSize(2);
        _setValue(_get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("production-product")), chips);
        _setValue(_get(TextField.class, spec -> spec.withId("production-quantity")), "10");
        Grid<org.lumbung.sales.NewProduction.Input> inputs = _get(Grid.class, spec -> spec.withId("production-inputs"));
        assertThat(inputs.getGenericDataView().getItems().count()).isEqualTo(2);
        _setValue(_get(TextField.class, spec -> spec.withId("production-cost-1")), "gas");
        _setValue(_get(TextField.class, spec -> spec.withId("production-cost-amount-1")), "5000");
        _click(_get(Button.class, spec -> spec.withId("production-save")));
        assertThat(catalogue.products(coop, false).stream().filter(p -> p.code().equals("SINGKONG")).findFirst().orElseThrow()
                .stockQuantity()).isEqualByComparingTo(cassava.subtract(new BigDecimal("5")));     // a quarter of 20 kg
        Grid<org.lumbung.sales.Production> runs = _get(Grid.class, spec -> spec.withId("production-grid"));
        assertThat(runs.getGenericDataView().getItems().findFirst().orElseThrow().otherCosts()).isEqualByComparingTo("5000");
    }

    @Test
    @SuppressWarnings("unchecked")
    void fertilizerMovedToTheWarehouseAndASackWrittenOffThere() {
        signIn("treasurer", Locale.ENGLISH);
        long coop = cooperatives.byCode("ngrupit").id();
        UI.getCurrent().navigate(StockTransferView.class);
        com.vaadin.flow.component.combobox.ComboBox<StockLevel> product = _get(com.vaadin.flow.component.combobox.ComboBox.class,
                spec -> spec.withId("move-product"));
        StockLevel urea = product.getListDataView().getItems().filter(l -> l.product().code().equals("PUPUK-UREA")).findFirst().orElseThrow();
        BigDecimal before = urea.quantity();
        _setValue(product, urea);
        _setValue(_get(com.vaadin.flow.component.radiobutton.RadioButtonGroup.class, spec -> spec.withId("move-from")),
                org.lumbung.sales.StockLocation.Kind.SHOP);
        _setValue(_get(TextField.class, spec -> spec.withId("move-quantity")), "2");
        _click(_get(Button.class, spec -> spec.withId("move-transfer")));
        assertThat(_get(Span.class, spec -> spec.withId("move-held")).getText()).contains("warehouse 2");
        _setValue(_get(com.vaadin.flow.component.radiobutton.RadioButtonGroup.class, spec -> spec.withId("move-from")),
                org.lumbung.sales.StockLocation.Kind.WAREHOUSE);
        _setValue(_get(TextField.class, spec -> spec.withId("move-quantity")), "1");
        _setValue(_get(TextField.class, spec -> spec.withId("move-reason")), "karung sobek, basah");
        _click(_get(Button.class, spec -> spec.withId("move-spoil")));
        assertThat(_get(Span.class, spec -> spec.withId("move-held")).getText()).contains("warehouse 1");
        assertThat(catalogue.scan(coop, "PUPUK-UREA").orElseThrow().stockQuantity()).isEqualByComparingTo(before.subtract(BigDecimal.ONE));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReportsShowSalesMarginChartAndSlowMovers() {
        signIn("treasurer", Locale.ENGLISH);
        UI.getCurrent().navigate(ShopReportsView.class);
        _setValue(_get(org.lumbung.ui.components.DateField.class, spec -> spec.withId("report-from")), java.time.LocalDate.now().minusYears(1));
        Grid<org.lumbung.sales.ShopReports.Row> grid = _get(Grid.class, spec -> spec.withId("report-grid"));
        assertThat(grid.getGenericDataView().getItems().count()).isGreaterThanOrEqualTo(12);       // a year of months
        assertThat(_get(Span.class, spec -> spec.withId("report-total")).getText()).contains("gross margin");
        assertThat(_get(org.lumbung.ui.components.EChart.class, spec -> spec.withId("report-chart")).option()).contains("\"bar\"");
        _setValue(_get(com.vaadin.flow.component.radiobutton.RadioButtonGroup.class, spec -> spec.withId("report-by")),
                org.lumbung.sales.ShopReports.By.PRODUCT);
        assertThat(grid.getGenericDataView().getItems().count()).isGreaterThanOrEqualTo(8);
        assertThat(_get(Grid.class, spec -> spec.withId("report-slow-grid")).getGenericDataView().getItems().count()).isPositive();
    }

    @Test
    void theTreasurersDashboardHasTheLowStockCard() {
        signIn("treasurer", Locale.ENGLISH);
        long coop = cooperatives.byCode("ngrupit").id();
        int low = stock.lowStock(coop).size();
        UI.getCurrent().navigate(org.lumbung.ui.dashboard.DashboardView.class);
        String card = _get(org.lumbung.ui.components.FigureCard.class, spec -> spec.withId("figure-shop-low-stock")).getElement()
                .getTextRecursively();
        assertThat(card).contains("Low stock").contains(Integer.toString(low));
    }

    private static void enter(TextField field) {
        ComponentUtil.fireEvent(field, new KeyDownEvent(field, "Enter"));
    }
}
