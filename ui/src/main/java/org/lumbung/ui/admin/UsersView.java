package org.lumbung.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.federation.Federation;
import org.lumbung.federation.Federations;
import org.lumbung.platform.DomainException;
import org.lumbung.security.NewUser;
import org.lumbung.security.Role;
import org.lumbung.security.StaffSignIn;
import org.lumbung.security.UserAccount;
import org.lumbung.security.UserService;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.components.TextLimit;
import org.lumbung.ui.security.RequiresAbility;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static org.lumbung.security.Role.ADMIN;
import static org.lumbung.security.Role.AUDITOR;
import static org.lumbung.security.Role.CHAIR;
import static org.lumbung.security.Role.FEDERATION;
import static org.lumbung.security.Role.TREASURER;

/**
 * Sign-ins of people: an administrator gives any role (district auditors with their district, a federation's
 * sign-in with its federation); a chair
 * gives chairs and treasurers of their own cooperative. Switching off keeps the person in the audit log.
 * Members get their PIN on their member page.
 */
@Route("admin/users")
@RequiresAbility("MANAGE_USERS")
@Menu(title = "nav.users", order = 910, icon = "vaadin:user-check")
@MenuGroup("nav.group.admin")
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    /** The roles of the sign-ins an administrator gives, and those a chair gives. */
    private static final List<Role> ADMINISTRATOR_GIVES = List.of(TREASURER, CHAIR, AUDITOR, FEDERATION, ADMIN);
    private static final List<Role> CHAIR_GIVES = List.of(TREASURER, CHAIR);

    private final Grid<StaffSignIn> grid = new Grid<>();
    private final UserService users;
    /** The federations (only the administrator keeps them), by id. */
    private final Map<Long, Federation> federations;

    public UsersView(CurrentCooperative current, UserService users, Federations federationList, UiAudit audit) {
        this.users = users;
        Cooperative cooperative = current.require();
        boolean admin = current.user().role() == Role.ADMIN;
        federations = admin ? federationList.list().stream().collect(Collectors.toMap(Federation::id, f -> f)) : Map.of();
        describeGrid(current, cooperative, audit);

        TextField username = new TextField(getTranslation("users.username"));
        username.setId("user-username");
        TextLimit.limit(username, 64);
        TextField fullName = new TextField(getTranslation("users.full-name"));
        fullName.setId("user-full-name");
        TextLimit.limit(fullName, 200);
        Select<Role> role = new Select<>();
        role.setLabel(getTranslation("users.role"));
        role.setId("user-role");
        role.setItems(admin ? ADMINISTRATOR_GIVES : CHAIR_GIVES);
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        role.setValue(Role.TREASURER);
        Select<Cooperative> cooperativeSelect = new Select<>();
        cooperativeSelect.setLabel(getTranslation("users.cooperative"));
        cooperativeSelect.setItems(current.choices());
        cooperativeSelect.setItemLabelGenerator(Cooperative::name);
        cooperativeSelect.setValue(cooperative);
        cooperativeSelect.setEnabled(admin);
        TextField district = new TextField(getTranslation("users.district"));
        district.setId("user-district");
        TextLimit.limit(district, 100);
        district.setValue(cooperative.district() == null ? "" : cooperative.district());
        Select<Federation> federation = federationSelect();
        Select<String> locale = new Select<>();
        locale.setLabel(getTranslation("users.language"));
        locale.setItems("id", "en");
        locale.setItemLabelGenerator(code -> getTranslation("language." + code));
        locale.setValue("id");
        PasswordField password = new PasswordField(getTranslation("users.password"));
        password.setId("user-password");
        TextLimit.limit(password, 128);
        password.setHelperText(getTranslation("users.password.rules"));
        role.addValueChangeListener(e -> {
            boolean auditor = e.getValue() == Role.AUDITOR;
            district.setVisible(auditor);
            federation.setVisible(e.getValue() == Role.FEDERATION);
            cooperativeSelect.setVisible(!e.getValue().spansCooperatives());
        });
        district.setVisible(false);
        Button create = new Button(getTranslation("users.create"), VaadinIcon.USER_CHECK.create(), e -> {
            try {
                Role r = role.getValue();
                UserAccount created = users.create(new NewUser(username.getValue().strip().toLowerCase(Locale.ROOT),
                        fullName.getValue(), r, r.spansCooperatives() ? null : cooperativeSelect.getValue().id(), locale.getValue(),
                        r == Role.AUDITOR ? district.getValue() : null,
                        r == Role.FEDERATION && federation.getValue() != null ? federation.getValue().id() : null), password.getValue());
                audit.done(cooperative.id(), "CREATE_USER", created.username() + " as " + created.role());
                Notifications.success(getTranslation("users.created", created.username()));
                username.clear();
                fullName.clear();
                password.clear();
                refresh();
            } catch (DomainException ex) {
                Notifications.refused(ex);
            }
        });
        create.setId("user-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(username, fullName, role, cooperativeSelect, district, federation, locale, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 3));
        add(new H2(getTranslation("nav.users")), grid, new H3(getTranslation("users.new")), form, create);
        refresh();
    }

    /** The federation of a federation's sign-in, shown when that role is chosen. */
    private Select<Federation> federationSelect() {
        Select<Federation> federation = new Select<>();
        federation.setLabel(getTranslation("users.federation"));
        federation.setId("user-federation");
        federation.setItems(federations.values().stream().sorted(Comparator.comparing(Federation::code)).toList());
        federation.setItemLabelGenerator(Federation::name);
        federation.setVisible(false);
        return federation;
    }

    /** Every sign-in with its scope, and the button that switches it off or on. */
    private void describeGrid(CurrentCooperative current, Cooperative cooperative, UiAudit audit) {
        grid.setId("users-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        // names of the cooperatives once per screen, not once per row
        Map<Long, String> cooperativeNames = current.choices().stream().collect(Collectors.toMap(Cooperative::id, Cooperative::name));
        grid.addColumn(u -> u.account().username()).setHeader(getTranslation("users.username")).setAutoWidth(true);
        grid.addColumn(u -> u.account().fullName()).setHeader(getTranslation("users.full-name"));
        grid.addColumn(u -> getTranslation("role." + u.account().role().name())).setHeader(getTranslation("users.role"));
        grid.addColumn(u -> scope(u.account(), cooperativeNames)).setHeader(getTranslation("users.scope"));
        grid.addComponentColumn(u -> {
            boolean on = u.enabled();
            Button toggle = new Button(getTranslation(on ? "users.disable" : "users.enable"), e -> {
                try {
                    users.setEnabled(u.account().id(), !on);
                    audit.done(cooperative.id(), on ? "DISABLE_USER" : "ENABLE_USER", u.account().username());
                    refresh();
                } catch (DomainException ex) {
                    Notifications.refused(ex);
                }
            });
            toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, on ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);
            return toggle;
        }).setHeader(getTranslation("users.sign-in"));
    }

    /** What a sign-in sees: a district, a federation's cooperatives, one cooperative, or all of them. */
    private String scope(UserAccount u, Map<Long, String> cooperativeNames) {
        if (u.district() != null) {
            return u.district();
        }
        if (u.federationId() != null) {
            return federations.containsKey(u.federationId()) ? federations.get(u.federationId()).name() : "";
        }
        return u.cooperativeId() == null ? getTranslation("users.all-cooperatives") : cooperativeNames.getOrDefault(u.cooperativeId(), "");
    }

    private void refresh() {
        grid.setItems(users.users());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.users") + " — Lumbung";
    }
}
