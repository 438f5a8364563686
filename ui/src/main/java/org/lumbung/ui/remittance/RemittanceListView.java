package org.lumbung.ui.remittance;

import org.lumbung.ui.components.GridExport;
import org.lumbung.ui.components.DateRange;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.remittance.Remittance;
import org.lumbung.remittance.RemittanceFilter;
import org.lumbung.remittance.RemittanceReceipt;
import org.lumbung.remittance.RemittanceService;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Remittance receipts, newest first, paged from the database, filtered by the days they were received. */
@Route("remittances")
@RequiresAbility("VIEW_REMITTANCES")
@Menu(title = "nav.remittance.list", order = 455, icon = "vaadin:list")
@MenuGroup("nav.group.remittances")
public class RemittanceListView extends VerticalLayout implements HasDynamicTitle {

    private final RemittanceService remittances;
    private final Cooperative cooperative;
    private final DateRange days;
    private final Grid<Remittance> grid = new Grid<>();
    /** The names of the members on the pages shown, read with each page in one query. */
    private final Map<Long, String> names = new HashMap<>();

    public RemittanceListView(CurrentCooperative current, RemittanceService remittances, RemittanceReceipt receipts,
                              Clock clock) {
        this.remittances = remittances;
        this.cooperative = current.require();
        setSizeFull();
        LocalDate today = cooperative.today(clock);
        // from the first of last month: early in a month the list still shows what came in before
        days = DateRange.open("remittances", getTranslation("remit.from"), getTranslation("remit.to"),
                today.minusMonths(1).withDayOfMonth(1), today);
        days.onChange(this::load);
        columns(receipts);
        add(new H2(getTranslation("nav.remittance.list")), days, new GridExport<>(grid, "remittances"), grid);
        setFlexGrow(1, grid);
        days.days().ifPresent(this::load);
    }

    private void columns(RemittanceReceipt receipts) {
        grid.setId("remittances-grid");
        grid.setEmptyStateText(getTranslation("grid.empty"));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(r -> new RemittanceReceiptLink(receipts, r, "#" + r.receiptNumber()))
                .setHeader(getTranslation("remit.receipt")).setAutoWidth(true).setFlexGrow(0);
        GridExport.column(grid, r -> Formats.date(r.receivedOn(), getLocale())).setHeader(getTranslation("remit.received-on")).setAutoWidth(true);
        GridExport.column(grid, r -> names.getOrDefault(r.memberId(), "")).setHeader(getTranslation("remit.member")).setFlexGrow(2);
        GridExport.column(grid, r -> RemittanceReceipt.country(r.corridor(), getLocale()) + " · " + getTranslation("remittance.channel." + r.channel().name()))
                .setHeader(getTranslation("remit.corridor")).setFlexGrow(2);
        GridExport.column(grid, r -> Formats.money(r.sentAmount(), r.sentCurrency(), getLocale())).setHeader(getTranslation("remit.sent"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        GridExport.column(grid, r -> RemittanceReceipt.rate(r.rate(), getLocale())).setHeader(getTranslation("remit.rate"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        GridExport.column(grid, r -> Formats.money(r.receivedAmount(), r.receivedCurrency(), getLocale())).setHeader(getTranslation("remit.received"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        GridExport.column(grid, r -> Formats.money(r.putToWork(), r.receivedCurrency(), getLocale())).setHeader(getTranslation("remit.put-to-work"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
    }

    private void load(DateRange.Days chosen) {
        RemittanceFilter filter = new RemittanceFilter(chosen.from(), chosen.to(), null);
        grid.setItems(q -> {
            List<Remittance> page = remittances.remittances(cooperative.id(), filter, q.getOffset(),
                    Math.min(q.getLimit(), RemittanceService.MAX_PAGE));
            names.putAll(remittances.memberNames(cooperative.id(), page));
            return page.stream();
        }, q -> remittances.count(cooperative.id(), filter));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.remittance.list") + " — Lumbung";
    }
}
