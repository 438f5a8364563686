package org.lumbung.ui.savings;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.DomainException;
import org.lumbung.savings.DuesArrears;
import org.lumbung.savings.DuesRule;
import org.lumbung.savings.DuesService;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.components.DateField;
import org.lumbung.ui.components.FigureCard;
import org.lumbung.ui.components.GridExport;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.members.MemberView;
import org.lumbung.ui.security.RequiresAbility;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Members behind on mandatory savings as of a date (today unless changed), most behind first, with totals. */
@Route("savings/arrears")
@RequiresAbility("READ_SAVINGS")
@Menu(title = "nav.arrears", order = 210, icon = "vaadin:clock")
@MenuGroup("nav.group.savings")
public class DuesArrearsView extends VerticalLayout implements HasDynamicTitle {

    private final DuesService dues;
    private final Cooperative cooperative;
    private final Grid<DuesArrears> grid = new Grid<>();
    private final Div totals = FigureCard.grid();

    public DuesArrearsView(CurrentCooperative current, DuesService dues, Clock clock) {
        this.dues = dues;
        this.cooperative = current.require();
        setSizeFull();
        DatePicker asOf = new DateField(getTranslation("arrears.as-of"));
        asOf.setId("arrears-as-of");
        asOf.setValue(cooperative.today(clock));
        asOf.addValueChangeListener(e -> refresh(e.getValue()));
        totals.setId("arrears-totals");

        grid.setId("arrears-grid");
        grid.setEmptyStateText(getTranslation("grid.empty"));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        GridExport.column(grid, a -> "%05d".formatted(a.memberNumber())).setHeader(getTranslation("members.number")).setAutoWidth(true).setFlexGrow(0);
        GridExport.column(grid, DuesArrears::fullName).setHeader(getTranslation("members.name")).setFlexGrow(2);
        GridExport.column(grid, a -> a.village() == null ? "" : a.village()).setHeader(getTranslation("members.village"));
        GridExport.column(grid, a -> a.phone() == null ? "" : a.phone()).setHeader(getTranslation("members.phone"));
        GridExport.column(grid, a -> Formats.number(a.monthsBehind(), getLocale())).setHeader(getTranslation("arrears.months-behind"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        GridExport.column(grid, a -> Formats.money(a.due(), a.currency(), getLocale())).setHeader(getTranslation("arrears.due"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        GridExport.column(grid, a -> Formats.money(a.paid(), a.currency(), getLocale())).setHeader(getTranslation("arrears.paid"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        GridExport.column(grid, a -> Formats.money(a.arrears(), a.currency(), getLocale())).setHeader(getTranslation("arrears.arrears"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);

        // a treasurer follows up on a member from the list: their page shows the accounts and a Deposit button
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(MemberView.class,
                new RouteParameters("memberId", Long.toString(e.getItem().memberId())))));

        FlexLayout head = new FlexLayout(asOf);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        // the one rule the member's own page uses too (DuesRule), said where the list is read
        Span rule = new Span(getTranslation("arrears.rule",
                cooperative.duesDay() == DuesRule.LAST_DAY ? getTranslation("profile.dues-day.last")
                        : getTranslation("profile.dues-day.day", cooperative.duesDay())));
        rule.setId("arrears-rule");
        rule.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        head.add(rule);
        head.getStyle().set("gap", "var(--lumo-space-m)");
        add(new H2(getTranslation("nav.arrears")), head, totals, new GridExport<>(grid, "dues-arrears"), grid);
        setFlexGrow(1, grid);
        refresh(asOf.getValue());
    }

    private void refresh(LocalDate asOf) {
        totals.removeAll();
        if (asOf == null) {
            grid.setItems(List.of());
            return;
        }
        List<DuesArrears> behind;
        try {
            behind = dues.arrears(cooperative.id(), asOf);
        } catch (DomainException e) {
            Notifications.refused(e);
            return;
        }
        grid.setItems(behind); // the service sorts them most behind first
        Map<String, BigDecimal> sums = new TreeMap<>();
        behind.forEach(a -> sums.merge(a.currency(), a.arrears(), BigDecimal::add));
        totals.add(new FigureCard("arrears-members", getTranslation("arrears.members-behind"),
                Formats.number(behind.size(), getLocale()), null));
        if (sums.isEmpty()) {
            sums.put(cooperative.baseCurrency(), BigDecimal.ZERO);
        }
        sums.forEach((currency, sum) -> totals.add(new FigureCard("arrears-total-" + currency,
                getTranslation("arrears.total"), Formats.money(sum, currency, getLocale()), null)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.arrears") + " — Lumbung";
    }
}
