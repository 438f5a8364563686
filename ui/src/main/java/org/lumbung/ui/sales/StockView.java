package org.lumbung.ui.sales;

import org.lumbung.ui.components.DateField;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.DomainException;
import org.lumbung.sales.StockLevel;
import org.lumbung.sales.StockService;
import org.lumbung.sales.StockValuation;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Stock levels, lowest first: each product in all and at the shop and the warehouse, its value at average cost, an
 * alert at or below its reorder level; and the valuation as of any day beside the inventory account it equals.
 */
@Route("shop/stock")
@RequiresAbility("READ_SHOP")
@Menu(title = "nav.shop.stock", order = 620, icon = "vaadin:stock")
@MenuGroup("nav.group.shop")
public class StockView extends VerticalLayout implements HasDynamicTitle {

    private final StockService stock;
    private final Cooperative cooperative;
    private final Span valuation = new Span();

    public StockView(CurrentCooperative current, StockService stock, Clock clock) {
        this.stock = stock;
        this.cooperative = current.require();
        setSizeFull();
        List<StockLevel> levels = stock.levels(cooperative.id());
        add(new H2(getTranslation("nav.shop.stock")));
        long low = levels.stream().filter(StockLevel::low).count();
        if (low > 0) {
            Paragraph alert = new Paragraph(getTranslation("shop.ui.low-stock.alert", low));
            alert.setId("shop-low-stock-alert");
            alert.getElement().getThemeList().add("badge error");
            add(alert);
        }
        Grid<StockLevel> grid = grid();
        grid.setItems(levels);
        add(grid, valuationRow(clock));
        setFlexGrow(1, grid);
    }

    private Grid<StockLevel> grid() {
        Grid<StockLevel> grid = new Grid<>();
        grid.setId("shop-stock-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(l -> l.product().code()).setHeader(getTranslation("shop.ui.code")).setAutoWidth(true);
        grid.addColumn(l -> l.product().name(getLocale())).setHeader(getTranslation("shop.ui.name")).setFlexGrow(2);
        grid.addColumn(l -> ShopTexts.quantity(l.quantity(), getLocale()) + " " + l.product().unit()).setHeader(getTranslation("shop.ui.in-stock"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(l -> ShopTexts.quantity(l.byLocation().getOrDefault("SHOP", BigDecimal.ZERO), getLocale()))
                .setHeader(getTranslation("shop.ui.location.SHOP")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(l -> ShopTexts.quantity(l.byLocation().getOrDefault("WAREHOUSE", BigDecimal.ZERO), getLocale()))
                .setHeader(getTranslation("shop.ui.location.WAREHOUSE")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(l -> ShopTexts.quantity(l.product().reorderLevel(), getLocale())).setHeader(getTranslation("shop.ui.reorder-level"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(l -> money(l.value())).setHeader(getTranslation("shop.ui.value")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addComponentColumn(l -> {
            Span s = new Span(getTranslation(l.low() ? "shop.ui.low-stock" : "shop.ui.ok"));
            s.getElement().getThemeList().add(l.low() ? "badge error" : "badge success");
            return s;
        }).setHeader(getTranslation("shop.ui.status")).setAutoWidth(true);
        return grid;
    }

    private VerticalLayout valuationRow(Clock clock) {
        DateField asOf = new DateField(getTranslation("shop.ui.as-of"), cooperative.today(clock));
        asOf.setId("shop-valuation-as-of");
        asOf.setMax(cooperative.today(clock));
        asOf.addValueChangeListener(e -> showValuation(e.getValue()));
        valuation.setId("shop-valuation");
        showValuation(asOf.getValue());
        HorizontalLayout row = new HorizontalLayout(asOf, valuation);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        VerticalLayout box = new VerticalLayout(new H3(getTranslation("shop.ui.valuation")), row);
        box.setPadding(false);
        return box;
    }

    private void showValuation(@Nullable LocalDate day) {
        if (day == null) {
            return;
        }
        try {
            StockValuation v = stock.valuation(cooperative.id(), day);
            valuation.setText(getTranslation(v.agreesWithLedger() ? "shop.ui.valuation.agrees" : "shop.ui.valuation.differs",
                    money(v.total()), money(v.inventoryAccount())));
        } catch (DomainException ex) {
            Notifications.refused(ex);
        }
    }

    private String money(BigDecimal amount) {
        return Formats.money(amount, cooperative.baseCurrency(), getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.shop.stock") + " — Lumbung";
    }
}
