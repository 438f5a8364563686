package org.lumbung.ui.sales;

import org.lumbung.ui.components.GridExport;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import org.lumbung.sales.Sale;
import org.lumbung.sales.SaleReceipt;
import org.lumbung.sales.SaleReturns;
import org.lumbung.sales.SaleService;
import org.lumbung.sales.SalesAbility;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

/** Sales and returns of a period, newest first, paged, with their receipts; a sale's goods can be taken back. */
@Route("shop/sales")
@RequiresAbility("READ_SHOP")
@Menu(title = "nav.shop.sales", order = 610, icon = "vaadin:invoice")
@MenuGroup("nav.group.shop")
public class SalesHistoryView extends VerticalLayout implements HasDynamicTitle {

    private final SaleService sales;
    private final SaleReturns returns;
    private final SaleReceipt receipts;
    private final UiAudit audit;
    private final Cooperative cooperative;
    private final boolean sell;
    private final DateRange days;
    private final Grid<Sale> grid = new Grid<>();
    private final Span count = new Span();

    public SalesHistoryView(CurrentCooperative current, SaleService sales, SaleReturns returns, SaleReceipt receipts, UiAudit audit,
                            Clock clock) {
        this.sales = sales;
        this.returns = returns;
        this.receipts = receipts;
        this.audit = audit;
        this.cooperative = current.require();
        this.sell = current.may(SalesAbility.SELL);
        setSizeFull();
        LocalDate today = cooperative.today(clock);
        days = DateRange.closed("shop-sales", getTranslation("shop.ui.from"), getTranslation("shop.ui.to"),
                today.minusDays(30), today);
        days.onChange(this::load);
        count.setId("shop-sales-count");
        days.add(count);
        configure();
        add(new H2(getTranslation("nav.shop.sales")), days, new GridExport<>(grid, "shop-sales"), grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void configure() {
        grid.setId("shop-sales-grid");
        grid.setEmptyStateText(getTranslation("grid.empty"));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        GridExport.column(grid, Sale::receipt).setHeader(getTranslation("shop.ui.receipt-number")).setAutoWidth(true);
        GridExport.column(grid, s -> Formats.date(s.valueDate(), getLocale())).setHeader(getTranslation("shop.ui.date")).setAutoWidth(true);
        GridExport.column(grid, s -> s.memberName() == null ? getTranslation("shop.ui.walk-in") : s.memberName())
                .setHeader(getTranslation("shop.ui.customer")).setFlexGrow(2);
        GridExport.column(grid, s -> getTranslation("sales.payment." + s.payment().name())).setHeader(getTranslation("shop.ui.payment")).setAutoWidth(true);
        GridExport.column(grid, s -> money(s.kind() == Sale.Kind.RETURN ? s.total().negate() : s.total())).setHeader(getTranslation("shop.ui.total"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        GridExport.column(grid, s -> s.kind() == Sale.Kind.RETURN ? "" : money(s.margin())).setHeader(getTranslation("shop.ui.margin"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addComponentColumn(s -> ShopReceiptLinks.of(receipts, cooperative.id(), s, getLocale()))
                .setHeader(getTranslation("shop.ui.receipt")).setAutoWidth(true);
        if (sell) {
            grid.addComponentColumn(s -> {
                Button back = new Button(getTranslation("shop.ui.return"), e -> new ReturnDialog(sales, returns, audit, cooperative,
                        s.id(), this::refresh).open());
                back.setId("return-" + s.receipt());
                back.addThemeVariants(ButtonVariant.LUMO_SMALL);
                back.setVisible(s.kind() == Sale.Kind.SALE);
                return back;
            }).setAutoWidth(true).setFlexGrow(0);
        }
    }

    private void refresh() {
        days.days().ifPresent(this::load);
    }

    private void load(DateRange.Days chosen) {
        LocalDate f = chosen.first();
        LocalDate t = chosen.last();
        int total = sales.saleCount(cooperative.id(), f, t);
        count.setText(getTranslation("shop.ui.rows", total));
        grid.setItems(DataProvider.fromCallbacks(q -> sales.sales(cooperative.id(), f, t, q.getOffset(), Math.min(q.getLimit(), 500)).stream(),
                q -> total));
    }

    private String money(BigDecimal amount) {
        return Formats.money(amount, cooperative.baseCurrency(), getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.shop.sales") + " — Lumbung";
    }
}
