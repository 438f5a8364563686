package org.lumbung.ui.district;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.district.Outcomes;
import org.lumbung.district.OutcomesReport;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.components.DateField;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outcomes report of a period for the cooperative, or for every cooperative one may read (a district auditor's
 * district): members by gender and migration status, new members, savings per member, loans by purpose and gender,
 * remittances and the share put to work, the shop's purchases from member producers.
 */
@Route("reports/outcomes")
@RequiresAbility("READ_OUTCOMES")
@Menu(title = "nav.outcomes", order = 570, icon = "vaadin:users")
@MenuGroup("nav.group.reports")
public class OutcomesView extends VerticalLayout implements HasDynamicTitle {

    static final String COOPERATIVE = "cooperative";
    static final String ALL = "all";

    private final Outcomes outcomes;
    private final Cooperative cooperative;
    private final RadioButtonGroup<String> scope = new RadioButtonGroup<>();
    private final DatePicker from = new DateField();
    private final DatePicker to = new DateField();
    private final Grid<OutcomesReport.MemberGroup> members = new Grid<>();
    private final Grid<OutcomesReport.LoanGroup> loans = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final Paragraph money = new Paragraph();

    public OutcomesView(CurrentCooperative current, Outcomes outcomes, Clock clock) {
        this.outcomes = outcomes;
        this.cooperative = current.require();
        LocalDate today = cooperative.today(clock);
        scope.setId("outcomes-scope");
        scope.setItems(current.user().role().spansCooperatives() ? List.of(COOPERATIVE, ALL) : List.of(COOPERATIVE));
        scope.setItemLabelGenerator(s -> s.equals(ALL) ? getTranslation("outcomes.scope.all") : cooperative.name());
        from.setId("outcomes-from");
        from.setLabel(getTranslation("outcomes.from"));
        from.setValue(today.withDayOfYear(1));
        to.setId("outcomes-to");
        to.setLabel(getTranslation("outcomes.to"));
        to.setValue(today);
        members.setId("outcomes-members");
        members.addThemeVariants(GridVariant.LUMO_COMPACT);
        members.setAllRowsVisible(true);
        members.addColumn(g -> getTranslation("outcomes.gender." + g.gender())).setHeader(getTranslation("outcomes.gender"));
        members.addColumn(g -> getTranslation("outcomes.migration." + g.migration())).setHeader(getTranslation("outcomes.migration"));
        members.addColumn(OutcomesReport.MemberGroup::members).setHeader(getTranslation("outcomes.members")).setTextAlign(ColumnTextAlign.END);
        members.addColumn(OutcomesReport.MemberGroup::joined).setHeader(getTranslation("outcomes.joined")).setTextAlign(ColumnTextAlign.END);
        loans.setId("outcomes-loans");
        loans.addThemeVariants(GridVariant.LUMO_COMPACT);
        loans.setAllRowsVisible(true);
        loans.addColumn(l -> getTranslation("outcomes.purpose." + (l.purpose() == null ? "NONE" : l.purpose())))
                .setHeader(getTranslation("outcomes.purpose"));
        loans.addColumn(l -> getTranslation("outcomes.gender." + l.gender())).setHeader(getTranslation("outcomes.gender"));
        loans.addColumn(OutcomesReport.LoanGroup::loans).setHeader(getTranslation("outcomes.loans")).setTextAlign(ColumnTextAlign.END);
        loans.addColumn(l -> Formats.money(l.principal(), l.currency(), getLocale())).setHeader(getTranslation("outcomes.principal"))
                .setTextAlign(ColumnTextAlign.END);
        scope.addValueChangeListener(e -> load());
        from.addValueChangeListener(e -> load());
        to.addValueChangeListener(e -> load());
        FlexLayout bar = new FlexLayout(scope, from, to);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("gap", "var(--lumo-space-m)");
        summary.setId("outcomes-summary");
        money.setId("outcomes-money");
        add(new H2(getTranslation("nav.outcomes")), bar, summary, new H3(getTranslation("outcomes.members.title")), members,
                new H3(getTranslation("outcomes.loans.title")), loans, new H3(getTranslation("outcomes.money.title")), money);
        scope.setValue(COOPERATIVE);
    }

    private void load() {
        if (from.getValue() == null || to.getValue() == null || from.getValue().isAfter(to.getValue())) {
            to.setInvalid(true);
            to.setErrorMessage(getTranslation("outcomes.period.invalid", Outcomes.MAX_PERIOD_DAYS));
            return;
        }
        to.setInvalid(false);
        OutcomesReport r = ALL.equals(scope.getValue()) ? outcomes.ofAll(from.getValue(), to.getValue())
                : outcomes.ofCooperative(cooperative.id(), from.getValue(), to.getValue());
        summary.setText(getTranslation("outcomes.summary", r.cooperatives(), r.memberCount(), r.newMembers(),
                amounts(r.savingsPerMember())));
        members.setItems(r.members());
        loans.setItems(r.loans());
        money.setText(getTranslation("outcomes.money", amounts(r.remittancesReceived()), amounts(r.remittancesPutToWork()),
                amounts(r.shopPurchasesFromMembers())));
    }

    private String amounts(Map<String, BigDecimal> byCurrency) {
        return byCurrency.isEmpty() ? "0" : byCurrency.entrySet().stream()
                .map(e -> Formats.money(e.getValue(), e.getKey(), getLocale())).collect(Collectors.joining(", "));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.outcomes") + " — Lumbung";
    }
}
