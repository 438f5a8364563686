package org.lumbung.ui.remittance;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.lumbung.remittance.DistrictRemittances;
import org.lumbung.remittance.DistrictRemittances.Line;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.components.DateRange;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The district's remittances for its district auditor: every cooperative of her district with the receipts of a
 * period, the members who received them, what arrived and the share put to work. The administrator picks a district.
 * Each cooperative's amounts stay in its own currency.
 */
@Route("remittances/district")
@RequiresAbility("VIEW_DISTRICT_REMITTANCES")
@Menu(title = "nav.remittance.district", order = 465, icon = "vaadin:globe")
@MenuGroup("nav.group.remittances")
public class DistrictRemittancesView extends VerticalLayout implements HasDynamicTitle {

    private final DistrictRemittances district;
    private final Select<String> districts = new Select<>();
    private final DateRange days;
    private final Grid<Line> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();

    public DistrictRemittancesView(DistrictRemittances district, Clock clock) {
        this.district = district;
        // a district spans one province's cooperatives: its office's day is good enough for the default period
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Jakarta")));
        List<String> choices = district.districts();
        districts.setId("district-remittances-district");
        districts.setLabel(getTranslation("remit.district.district"));
        districts.setItems(choices);
        choices.stream().findFirst().ifPresent(districts::setValue);
        days = DateRange.closed("district-remittances", getTranslation("remit.from"), getTranslation("remit.to"),
                today.minusMonths(11).withDayOfMonth(1), today);
        days.addComponentAsFirst(districts);
        districts.addValueChangeListener(e -> refresh());
        days.onChange(this::load);
        empty.setId("district-remittances-empty");
        columns();
        add(new H2(getTranslation("nav.remittance.district")), days, empty, grid);
        refresh();
    }

    private void columns() {
        grid.setId("district-remittances-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(l -> l.name() + " (" + l.code() + ")").setHeader(getTranslation("remit.district.cooperative")).setFlexGrow(2);
        grid.addColumn(l -> Formats.number(l.receipts(), getLocale())).setHeader(getTranslation("remit.member-history.receipts"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setKey("receipts");
        grid.addColumn(l -> Formats.number(l.members(), getLocale())).setHeader(getTranslation("remit.district.members"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(l -> Formats.money(l.work().received(), l.currency(), getLocale())).setHeader(getTranslation("remit.received"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(l -> Formats.money(l.work().savings(), l.currency(), getLocale()))
                .setHeader(getTranslation("remittance.kind.SAVINGS")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(l -> Formats.money(l.work().loanRepayments(), l.currency(), getLocale()))
                .setHeader(getTranslation("remittance.kind.LOAN_REPAYMENT")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(l -> Formats.percent(l.work().percent(), getLocale())).setHeader(getTranslation("remit.put-to-work"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setKey("work");
    }

    private void refresh() {
        days.days().ifPresent(this::load);
    }

    private void load(DateRange.Days chosen) {
        String name = districts.getValue();
        List<Line> lines = name == null ? List.of() : district.report(name, chosen.first(), chosen.last());
        grid.setItems(lines);
        empty.setText(lines.isEmpty() ? getTranslation("remit.district.empty") : "");
        empty.setVisible(lines.isEmpty());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.remittance.district") + " — Lumbung";
    }
}
