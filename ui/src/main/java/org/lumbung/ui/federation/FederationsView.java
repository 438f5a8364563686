package org.lumbung.ui.federation;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.federation.Federation;
import org.lumbung.federation.Federations;
import org.lumbung.platform.DomainException;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.components.TextLimit;
import org.lumbung.ui.security.RequiresAbility;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The administrator founds federations (secondary cooperatives of migrants' cooperatives across districts) and puts
 * each cooperative in one, or in none. A federation's sign-in (Admin → Users) then reads its member cooperatives'
 * outcomes and statements, read-only.
 */
@Route("admin/federations")
@RequiresAbility("MANAGE_FEDERATIONS")
@Menu(title = "nav.federations", order = 925, icon = "vaadin:cluster")
@MenuGroup("nav.group.admin")
public class FederationsView extends VerticalLayout implements HasDynamicTitle {

    private final Federations federations;
    private final CurrentCooperative current;
    private final Grid<Cooperative> grid = new Grid<>();
    private final Select<Federation> federation = new Select<>();
    private Map<Long, Federation> byId = Map.of();
    private Map<Long, Long> memberships = Map.of();

    public FederationsView(Federations federations, CurrentCooperative current, UiAudit audit) {
        this.federations = federations;
        this.current = current;
        grid.setId("federations-cooperatives");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(Cooperative::code).setHeader(getTranslation("federations.cooperative")).setAutoWidth(true);
        grid.addColumn(Cooperative::name).setHeader(getTranslation("federations.cooperative-name"));
        grid.addColumn(c -> c.district() == null ? "" : c.district()).setHeader(getTranslation("federations.district"));
        grid.addColumn(c -> federationOf(c).map(Federation::name).orElse("–")).setHeader(getTranslation("federations.federation"));

        federation.setId("federation-choice");
        federation.setLabel(getTranslation("federations.federation"));
        federation.setEmptySelectionAllowed(true);
        federation.setEmptySelectionCaption(getTranslation("federations.none"));
        federation.setItemLabelGenerator(f -> f == null ? getTranslation("federations.none") : f.code() + " · " + f.name());
        grid.addSelectionListener(e -> federation.setValue(e.getFirstSelectedItem().flatMap(this::federationOf).orElse(null)));
        Button assign = new Button(getTranslation("federations.assign"), VaadinIcon.CONNECT.create(), e ->
                grid.getSelectedItems().stream().findFirst().ifPresent(c -> {
                    try {
                        Optional<Federation> chosen = Optional.ofNullable(federation.getValue());
                        federations.assign(c.id(), chosen.map(Federation::id));
                        audit.done(c.id(), "ASSIGN_FEDERATION", c.code() + " → " + chosen.map(Federation::code).orElse("–"));
                        Notifications.success(getTranslation("federations.assigned", c.name(),
                                chosen.map(Federation::name).orElse(getTranslation("federations.none"))));
                        refresh();
                    } catch (DomainException ex) {
                        Notifications.refused(ex);
                    }
                }));
        assign.setId("federation-assign");
        assign.setEnabled(false);
        grid.addSelectionListener(e -> assign.setEnabled(e.getFirstSelectedItem().isPresent()));
        HorizontalLayout assignment = new HorizontalLayout(federation, assign);
        assignment.setAlignItems(Alignment.BASELINE);

        TextField code = new TextField(getTranslation("federations.code"));
        code.setId("federation-code");
        code.setHelperText(getTranslation("federations.code.help"));
        TextLimit.limit(code, 16);
        TextField name = new TextField(getTranslation("federations.name"));
        name.setId("federation-name");
        TextLimit.limit(name, Federations.MAX_NAME);
        Button create = new Button(getTranslation("federations.create"), VaadinIcon.PLUS.create(), e -> {
            try {
                Federation created = federations.create(code.getValue().strip(), name.getValue());
                Notifications.success(getTranslation("federations.created", created.name()));
                code.clear();
                name.clear();
                refresh();
            } catch (DomainException ex) {
                Notifications.refused(ex);
            }
        });
        create.setId("federation-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(code, name);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));

        add(new H2(getTranslation("nav.federations")), new Paragraph(getTranslation("federations.intro")), grid, assignment,
                new H3(getTranslation("federations.new")), form, create);
        refresh();
    }

    private Optional<Federation> federationOf(Cooperative c) {
        return Optional.ofNullable(memberships.get(c.id())).map(byId::get);
    }

    private void refresh() {
        byId = federations.list().stream().collect(Collectors.toMap(Federation::id, Function.identity()));
        memberships = federations.memberships();
        federation.setItems(federations.list());
        grid.setItems(current.choices());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.federations") + " — Lumbung";
    }
}
