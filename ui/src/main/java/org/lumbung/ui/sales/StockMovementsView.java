package org.lumbung.ui.sales;

import org.lumbung.ui.components.DateRange;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.sales.StockMovement;
import org.lumbung.sales.StockService;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.time.Clock;
import java.time.LocalDate;

/** Every stock movement of a period, newest first, paged: purchases, sales, returns, transfers, adjustments, spoilage. */
@Route("shop/movements")
@RequiresAbility("READ_SHOP")
@Menu(title = "nav.shop.movements", order = 650, icon = "vaadin:exchange")
@MenuGroup("nav.group.shop")
public class StockMovementsView extends VerticalLayout implements HasDynamicTitle {

    private final StockService stock;
    private final Cooperative cooperative;
    private final DateRange days;
    private final Grid<StockMovement> grid = new Grid<>();
    private final Span count = new Span();

    public StockMovementsView(CurrentCooperative current, StockService stock, Clock clock) {
        this.stock = stock;
        this.cooperative = current.require();
        setSizeFull();
        LocalDate today = cooperative.today(clock);
        days = DateRange.closed("shop-movements", getTranslation("shop.ui.from"), getTranslation("shop.ui.to"),
                today.minusDays(30), today);
        days.onChange(this::load);
        count.setId("shop-movements-count");
        days.add(count);
        configure();
        add(new H2(getTranslation("nav.shop.movements")), days, grid);
        setFlexGrow(1, grid);
        days.days().ifPresent(this::load);
    }

    private void configure() {
        grid.setId("shop-movements-grid");
        grid.setEmptyStateText(getTranslation("grid.empty"));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(m -> Formats.date(m.valueDate(), getLocale())).setHeader(getTranslation("shop.ui.date")).setAutoWidth(true);
        grid.addColumn(m -> getTranslation("shop.ui.movement." + m.kind().name())).setHeader(getTranslation("shop.ui.kind")).setAutoWidth(true);
        grid.addColumn(m -> m.productName().in(getLocale())).setHeader(getTranslation("shop.ui.name")).setFlexGrow(2);
        grid.addColumn(m -> getTranslation("shop.ui.location." + m.locationCode())).setHeader(getTranslation("shop.ui.location")).setAutoWidth(true);
        grid.addColumn(m -> ShopTexts.quantity(m.quantity(), getLocale())).setHeader(getTranslation("shop.ui.quantity")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(m -> Formats.money(m.value(), cooperative.baseCurrency(), getLocale())).setHeader(getTranslation("shop.ui.value"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(m -> ShopTexts.quantity(m.quantityAfter(), getLocale())).setHeader(getTranslation("shop.ui.quantity-after"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(m -> m.reason() == null ? "" : m.reason()).setHeader(getTranslation("shop.ui.reason")).setFlexGrow(1);
    }

    private void load(DateRange.Days chosen) {
        LocalDate f = chosen.first();
        LocalDate t = chosen.last();
        int total = stock.movementCount(cooperative.id(), null, f, t);
        count.setText(getTranslation("shop.ui.rows", total));
        grid.setItems(DataProvider.fromCallbacks(
                q -> stock.movements(cooperative.id(), null, f, t, q.getOffset(), Math.min(q.getLimit(), 500)).stream(),
                q -> total));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.shop.movements") + " — Lumbung";
    }
}
