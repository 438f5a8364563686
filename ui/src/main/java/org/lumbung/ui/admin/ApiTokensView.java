package org.lumbung.ui.admin;

import org.lumbung.ui.components.TextLimit;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.Menu;
import org.lumbung.ui.security.RequiresAbility;
import org.lumbung.ui.MenuGroup;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.DomainException;
import org.lumbung.security.ApiToken;
import org.lumbung.security.ApiTokens;
import org.lumbung.security.Role;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.i18n.Formats;

/** The administrator's list of integration tokens of the current cooperative: create (secret shown once), revoke. */
@Route("admin/api-tokens")
@RequiresAbility("MANAGE_API_TOKENS")
@Menu(title = "nav.api-tokens", order = 930, icon = "vaadin:key")
@MenuGroup("nav.group.admin")
public class ApiTokensView extends VerticalLayout implements HasDynamicTitle {

    private final Grid<ApiToken> grid = new Grid<>();

    public ApiTokensView(CurrentCooperative current, ApiTokens tokens, UiAudit audit) {
        Cooperative c = current.require();
        grid.setId("tokens-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(ApiToken::name).setHeader(getTranslation("tokens.name"));
        grid.addColumn(t -> getTranslation("role." + t.role().name())).setHeader(getTranslation("tokens.role"));
        grid.addColumn(t -> "lbg_" + t.prefix() + "_…").setHeader(getTranslation("tokens.prefix"));
        grid.addColumn(t -> t.createdBy() + " · " + Formats.dateTime(t.createdAt(), c.zone(), getLocale())).setHeader(getTranslation("tokens.created"));
        grid.addColumn(t -> t.lastUsedAt() == null ? "" : Formats.dateTime(t.lastUsedAt(), c.zone(), getLocale())).setHeader(getTranslation("tokens.last-used"));
        grid.addComponentColumn(t -> {
            if (!t.active()) {
                return new Span(getTranslation("tokens.revoked"));
            }
            Button revoke = new Button(getTranslation("tokens.revoke"), e -> {
                tokens.revoke(t.id());
                audit.done(c.id(), "REVOKE_TOKEN", t.name());
                refresh(tokens, c);
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            return revoke;
        });
        TextField name = new TextField();
        name.setId("token-name");
        name.setPlaceholder(getTranslation("tokens.name"));
        name.setRequired(true);
        TextLimit.limit(name, ApiTokens.MAX_NAME);
        Select<Role> role = new Select<>();
        role.setItems(Role.TREASURER, Role.CHAIR, Role.AUDITOR);
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        role.setValue(Role.AUDITOR);
        Button create = new Button(getTranslation("tokens.create"), VaadinIcon.KEY.create(), e -> {
            if (!TextLimit.check(name, ApiTokens.MAX_NAME)) {
                return;
            }
            try {
                ApiTokens.Created created = tokens.create(c.id(), name.getValue(), role.getValue());
                audit.done(c.id(), "CREATE_TOKEN", created.token().name() + " as " + created.token().role());
                showSecret(created.secret());
                name.clear();
                refresh(tokens, c);
            } catch (DomainException ex) {
                Notifications.refused(ex);
            }
        });
        create.setId("token-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("nav.api-tokens")), new Paragraph(getTranslation("tokens.intro", c.name())),
                new HorizontalLayout(name, role, create), grid);
        refresh(tokens, c);
    }

    private void refresh(ApiTokens tokens, Cooperative c) {
        grid.setItems(tokens.list().stream().filter(t -> t.cooperativeId() == c.id()).toList());
    }

    private void showSecret(String secret) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("tokens.secret.title"));
        Span value = new Span(secret);
        value.setId("token-secret");
        value.getStyle().set("font-family", "monospace").set("word-break", "break-all");
        dialog.add(new Paragraph(getTranslation("tokens.secret.once")), value);
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.api-tokens") + " — Lumbung";
    }
}
