package org.lumbung.ui.audit;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.Menu;
import org.lumbung.ui.security.RequiresAbility;
import org.lumbung.ui.MenuGroup;
import org.lumbung.audit.AuditEvent;
import org.lumbung.audit.AuditLog;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.components.SearchField;
import org.lumbung.ui.i18n.Formats;

/** The audit log of the current cooperative, newest first, filtered by person, action or text. */
@Route("reports/audit")
@RequiresAbility("READ_AUDIT_LOG")
@Menu(title = "nav.audit", order = 420, icon = "vaadin:list")
@MenuGroup("nav.group.reports")
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    public AuditView(CurrentCooperative current, AuditLog audit) {
        setSizeFull();
        Cooperative c = current.require();
        Grid<AuditEvent> grid = new Grid<>();
        SearchField filter = new SearchField("audit-filter", getTranslation("audit.filter"), () -> grid.getDataProvider().refreshAll());
        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(e -> Formats.dateTime(e.at(), c.zone(), getLocale())).setHeader(getTranslation("audit.at")).setAutoWidth(true);
        grid.addColumn(AuditEvent::actor).setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        grid.addColumn(AuditEvent::action).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        grid.addColumn(AuditEvent::outcome).setHeader(getTranslation("audit.outcome")).setAutoWidth(true);
        grid.addColumn(this::summary).setHeader(getTranslation("audit.summary")).setFlexGrow(3);
        grid.addColumn(AuditEvent::clientAddress).setHeader(getTranslation("audit.address")).setAutoWidth(true);
        grid.setItems(q -> audit.page(c.id(), filter.getValue(), q.getOffset(), q.getLimit()).stream(),
                q -> audit.count(c.id(), filter.getValue()));
        add(new H2(getTranslation("nav.audit")), filter, grid);
        setFlexGrow(1, grid);
    }

    /**
     * What happened, in the reader's language where Lumbung wrote it: a sign-in's summary is the role signed in
     * as ("TREASURER"; "signed in as TREASURER" in older rows); people's own words stay as they wrote them.
     */
    private String summary(AuditEvent e) {
        String summary = e.summary() == null ? "" : e.summary();
        java.util.regex.Matcher role = java.util.regex.Pattern.compile("(?:signed in as )?([A-Z_]+)").matcher(summary);
        if ("SIGN_IN".equals(e.action()) && role.matches()) {
            String name = org.lumbung.platform.i18n.Messages.find("role." + role.group(1), getLocale());
            return name == null ? summary : getTranslation("audit.signed-in-as", name);
        }
        return summary;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.audit") + " — Lumbung";
    }
}
