package org.lumbung.ui.audit;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.jspecify.annotations.Nullable;
import org.lumbung.audit.AuditEvent;
import org.lumbung.audit.AuditFilter;
import org.lumbung.audit.AuditLog;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.components.DateField;
import org.lumbung.ui.components.SearchField;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit log, newest first, of every row the reader may see — row-level security decides: the
 * administrator all (also sign-ins of no cooperative and failed sign-ins of unknown names), a district
 * auditor her district's cooperatives' rows and her own, a cooperative's staff their cooperative's — filtered
 * by person, action, dates and text, paged lazily with the total shown.
 */
@Route("reports/audit")
@RequiresAbility("READ_AUDIT_LOG")
@Menu(title = "nav.audit", order = 420, icon = "vaadin:list")
@MenuGroup("nav.group.reports")
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    private final AuditLog audit;
    private final @Nullable Cooperative cooperative;
    private final ZoneId zone;
    private final TextField person = new TextField();
    private final ComboBox<String> action = new ComboBox<>();
    private final DatePicker from = new DateField();
    private final DatePicker to = new DateField();
    private final Checkbox onlyCurrent = new Checkbox();
    private final Grid<AuditEvent> grid = new Grid<>();
    private final Span total = new Span();
    private SearchField text;

    public AuditView(CurrentCooperative current, AuditLog audit) {
        this.audit = audit;
        setSizeFull();
        this.cooperative = current.get().orElse(null);
        this.zone = cooperative == null ? ZoneId.of("Asia/Jakarta") : cooperative.zone();
        text = new SearchField("audit-filter", getTranslation("audit.filter"), this::refresh);
        configureFilters();
        configureGrid();
        FlexLayout filters = new FlexLayout(person, action, from, to, text);
        if (cooperative != null) {
            filters.add(onlyCurrent);
        }
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-s)");
        total.setId("audit-total");
        total.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(new H2(getTranslation("nav.audit")), filters, total, grid);
        setFlexGrow(1, grid);
    }

    private void configureFilters() {
        person.setId("audit-person");
        person.setLabel(getTranslation("audit.person"));
        person.setMaxLength(100);
        person.setClearButtonVisible(true);
        person.setValueChangeMode(ValueChangeMode.LAZY);
        person.addValueChangeListener(e -> refresh());
        action.setId("audit-action");
        action.setLabel(getTranslation("audit.action"));
        action.setPlaceholder(getTranslation("audit.action.any"));
        action.setItems(audit.actions());
        action.setItemLabelGenerator(this::actionLabel);
        action.setClearButtonVisible(true);
        action.addValueChangeListener(e -> refresh());
        from.setId("audit-from");
        from.setLabel(getTranslation("audit.from"));
        to.setId("audit-to");
        to.setLabel(getTranslation("audit.to"));
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        onlyCurrent.setId("audit-only-current");
        onlyCurrent.setLabel(cooperative == null ? "" : getTranslation("audit.scope.current", cooperative.name()));
        onlyCurrent.addValueChangeListener(e -> refresh());
    }

    private void configureGrid() {
        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("audit.empty"));
        grid.addColumn(e -> Formats.dateTime(e.at(), zone, getLocale())).setHeader(getTranslation("audit.at")).setAutoWidth(true);
        grid.addColumn(e -> e.actorName() == null ? e.actor() : e.actorName() + " (" + e.actor() + ")")
                .setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        grid.addColumn(e -> e.cooperativeCode() == null ? getTranslation("audit.cooperative.none") : e.cooperativeCode())
                .setHeader(getTranslation("audit.cooperative")).setAutoWidth(true);
        grid.addColumn(e -> actionLabel(e.action())).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("audit.outcome." + e.outcome())).setHeader(getTranslation("audit.outcome")).setAutoWidth(true);
        grid.addColumn(this::summary).setHeader(getTranslation("audit.summary")).setFlexGrow(3);
        grid.addColumn(AuditEvent::clientAddress).setHeader(getTranslation("audit.address")).setAutoWidth(true);
        grid.setItems(q -> audit.page(filter(), q.getOffset(), q.getLimit()).stream(), q -> {
            int count = audit.count(filter());
            total.setText(getTranslation("audit.total", Formats.number(count, getLocale())));
            return count;
        });
    }

    /** A translated action; a key no bundle knows (a feature added later) is shown as it is, never hidden. */
    private String actionLabel(String key) {
        String label = Messages.find("audit.action." + key, getLocale());
        return label == null ? key : label;
    }

    private AuditFilter filter() {
        Long only = onlyCurrent.getValue() && cooperative != null ? cooperative.id() : null;
        try {
            return new AuditFilter(only, person.getValue(), action.getValue(), from.getValue(), to.getValue(), zone,
                    text.getValue());
        } catch (DomainException e) { // an end before the start: show that range's (empty) answer, not an error page
            return new AuditFilter(only, person.getValue(), action.getValue(), from.getValue(), from.getValue(), zone,
                    text.getValue());
        }
    }

    private void refresh() {
        to.setMin(from.getValue());
        grid.getDataProvider().refreshAll();
    }

    /**
     * What happened, in the reader's language where Lumbung wrote it: a sign-in's summary is the role signed in
     * as ("TREASURER"; "signed in as TREASURER" in older rows); people's own words stay as they wrote them.
     */
    private String summary(AuditEvent e) {
        String summary = e.summary() == null ? "" : e.summary();
        Matcher role = Pattern.compile("(?:signed in as )?([A-Z_]+)").matcher(summary);
        if ("SIGN_IN".equals(e.action()) && role.matches()) {
            String name = Messages.find("role." + role.group(1), getLocale());
            return name == null ? summary : getTranslation("audit.signed-in-as", name);
        }
        return summary;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.audit") + " — Lumbung";
    }
}
