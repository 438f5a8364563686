package org.lumbung.ui.sales;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.DomainException;
import org.lumbung.sales.NewProduction;
import org.lumbung.sales.Production;
import org.lumbung.sales.ProductionService;
import org.lumbung.sales.ShopCatalogue;
import org.lumbung.sales.ShopProduct;
import org.lumbung.sales.ShopRecipe;
import org.lumbung.sales.StockLocation;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.AmountField;
import org.lumbung.ui.components.Keys;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Production from members' produce: a run of a product the cooperative makes — its recipe scaled to the quantity,
 * taken from one location at the moving average, plus up to two costs paid in cash — and the last year's runs;
 * below, a product's recipe (what one batch consumes and yields).
 */
@Route("shop/production")
@RequiresAbility("MANAGE_SHOP")
@Menu(title = "nav.shop.production", order = 655, icon = "vaadin:factory")
@MenuGroup("nav.group.shop")
public class ProductionView extends VerticalLayout implements HasDynamicTitle {

    private static final int COSTS = 2;

    private final ProductionService production;
    private final UiAudit audit;
    private final Cooperative cooperative;
    private final Clock clock;
    private final ComboBox<ShopProduct> made = new ComboBox<>();
    private final TextField quantity = ShopTexts.quantityField(null);
    private final RadioButtonGroup<StockLocation.Kind> location = ShopTexts.locationChoice("shop.ui.location", StockLocation.Kind.SHOP);
    private final Grid<NewProduction.Input> inputs = new Grid<>();
    private final List<TextField> costTexts = new ArrayList<>();
    private final List<AmountField> costAmounts = new ArrayList<>();
    private final Grid<Production> runs = new Grid<>();
    private final List<ShopProduct> products;
    private final RecipeForm recipe;
    private String key = Keys.newKey();

    public ProductionView(CurrentCooperative current, ProductionService production, ShopCatalogue catalogue, UiAudit audit, Clock clock) {
        this.production = production;
        this.audit = audit;
        this.clock = clock;
        this.cooperative = current.require();
        this.products = catalogue.products(cooperative.id(), false);
        this.recipe = new RecipeForm(production, cooperative, products, this::recipeSaved);
        configureRuns();
        add(new H2(getTranslation("nav.shop.production")), runForm(), new H3(getTranslation("shop.ui.production.runs")), runs,
                new H3(getTranslation("shop.ui.recipe")), recipe);
        refresh();
    }

    private VerticalLayout runForm() {
        made.setId("production-product");
        made.setLabel(getTranslation("shop.ui.product"));
        made.setItemLabelGenerator(p -> p.code() + " — " + p.name(getLocale()));
        made.addValueChangeListener(e -> showInputs());
        quantity.setId("production-quantity");
        quantity.setLabel(getTranslation("shop.ui.quantity"));
        quantity.addValueChangeListener(e -> showInputs());
        inputs.setId("production-inputs");
        inputs.setAllRowsVisible(true);
        inputs.addThemeVariants(GridVariant.LUMO_COMPACT);
        inputs.addColumn(i -> name(i.productId())).setHeader(getTranslation("shop.ui.production.input")).setFlexGrow(2);
        inputs.addColumn(i -> ShopTexts.quantity(i.quantity(), getLocale())).setHeader(getTranslation("shop.ui.quantity"))
                .setTextAlign(ColumnTextAlign.END);
        HorizontalLayout costs = new HorizontalLayout();
        for (int i = 1; i <= COSTS; i++) {
            TextField text = new TextField(getTranslation("shop.ui.production.cost", i));
            text.setId("production-cost-" + i);
            text.setMaxLength(80);
            AmountField amount = new AmountField(getTranslation("shop.ui.production.cost-amount", i));
            amount.setId("production-cost-amount-" + i);
            amount.setCurrency(cooperative.baseCurrency());
            costTexts.add(text);
            costAmounts.add(amount);
            costs.add(text, amount);
        }
        Button save = new Button(getTranslation("shop.ui.production.save"), e -> save());
        save.setId("production-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout what = new HorizontalLayout(made, quantity, location);
        what.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        VerticalLayout form = new VerticalLayout(what, inputs, costs, save);
        form.setPadding(false);
        return form;
    }

    /** The recipe scaled to the quantity typed: what the run will take out of stock. */
    private void showInputs() {
        BigDecimal q = ShopTexts.parseQuantity(quantity.getValue(), getLocale());
        inputs.setItems(made.getValue() == null || q == null || q.signum() <= 0 ? List.of()
                : production.recipe(cooperative.id(), made.getValue().id()).map(r -> r.scaledTo(q)).orElse(List.of()));
    }

    private void save() {
        BigDecimal q = ShopTexts.parseQuantity(quantity.getValue(), getLocale());
        quantity.setInvalid(q == null || q.signum() <= 0);
        made.setInvalid(made.getValue() == null);
        List<NewProduction.Cost> costs = costs();
        if (q == null || q.signum() <= 0 || made.getValue() == null || costs == null) {
            return;
        }
        try {
            Production run = production.produce(cooperative.id(), new NewProduction(made.getValue().id(), q, location.getValue(),
                    List.of(), costs, null, null, key));
            audit.done(cooperative.id(), "SHOP_PRODUCTION", run.reference() + " " + run.cost().toPlainString());
            Notifications.success(getTranslation("shop.ui.production.done", run.reference(), ShopTexts.quantity(run.quantity(), getLocale()),
                    run.productCode(), money(run.cost())));
            key = Keys.newKey();
            quantity.clear();
            costTexts.forEach(TextField::clear);
            costAmounts.forEach(AmountField::clear);
            refresh();
        } catch (DomainException ex) {
            Notifications.refused(ex);
        }
    }

    /** The costs filled in (a text and an amount each), or null when one is half filled or its amount unreadable. */
    private @Nullable List<NewProduction.Cost> costs() {
        List<NewProduction.Cost> costs = new ArrayList<>();
        for (int i = 0; i < COSTS; i++) {
            String text = costTexts.get(i).getValue().strip();
            if (text.isEmpty() && costAmounts.get(i).getValue().isBlank()) {
                continue;
            }
            BigDecimal amount = costAmounts.get(i).getAmount();
            costTexts.get(i).setInvalid(text.isEmpty());
            if (text.isEmpty() || amount == null) {
                return null;
            }
            costs.add(new NewProduction.Cost(text, amount));
        }
        return costs;
    }

    private void configureRuns() {
        runs.setId("production-grid");
        runs.setAllRowsVisible(true);
        runs.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        runs.addColumn(Production::reference).setHeader(getTranslation("shop.ui.number")).setAutoWidth(true);
        runs.addColumn(r -> Formats.date(r.valueDate(), getLocale())).setHeader(getTranslation("shop.ui.date")).setAutoWidth(true);
        runs.addColumn(r -> r.productCode() + " — " + r.productName().in(getLocale())).setHeader(getTranslation("shop.ui.product")).setFlexGrow(2);
        runs.addColumn(r -> ShopTexts.quantity(r.quantity(), getLocale())).setHeader(getTranslation("shop.ui.quantity"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        runs.addColumn(r -> money(r.materialsCost())).setHeader(getTranslation("shop.ui.production.materials"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        runs.addColumn(r -> money(r.otherCosts())).setHeader(getTranslation("shop.ui.production.other"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        runs.addColumn(r -> money(r.cost())).setHeader(getTranslation("shop.ui.production.total")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
    }

    private void recipeSaved(ShopRecipe saved) {
        audit.done(cooperative.id(), "SHOP_RECIPE", name(saved.productId()));
        refresh();
    }

    private void refresh() {
        LocalDate today = cooperative.today(clock);
        made.setItems(production.madeProducts(cooperative.id()));
        runs.setItems(production.productions(cooperative.id(), today.minusYears(1), today, 100));
    }

    private String name(long productId) {
        return products.stream().filter(p -> p.id() == productId).findFirst().map(p -> p.code() + " — " + p.name(getLocale())).orElse("");
    }

    private String money(BigDecimal amount) {
        return Formats.money(amount.setScale(2, RoundingMode.HALF_EVEN), cooperative.baseCurrency(), getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.shop.production") + " — Lumbung";
    }
}
