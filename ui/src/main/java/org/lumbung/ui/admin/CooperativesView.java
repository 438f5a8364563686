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
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.Menu;
import org.lumbung.ui.security.RequiresAbility;
import org.lumbung.ui.MenuGroup;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.cooperative.NewCooperative;
import org.lumbung.platform.DomainException;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.components.TextLimit;

import java.util.List;

/**
 * The administrator founds cooperatives in Lumbung: each gets the standard chart of accounts in its base
 * currency. The district decides which district auditors see it.
 */
@Route("admin/cooperatives")
@RequiresAbility("FOUND_COOPERATIVE")
@Menu(title = "nav.cooperatives", order = 920, icon = "vaadin:building")
@MenuGroup("nav.group.admin")
public class CooperativesView extends VerticalLayout implements HasDynamicTitle {

    /** The countries Lumbung's cooperatives are in, with their currency and office time zone. */
    private record Country(String code, String currency, String timeZone) {
    }

    private static final List<Country> COUNTRIES = List.of(new Country("ID", "IDR", "Asia/Jakarta"),
            new Country("KH", "KHR", "Asia/Phnom_Penh"), new Country("LA", "LAK", "Asia/Vientiane"),
            new Country("TH", "THB", "Asia/Bangkok"));

    private final Grid<Cooperative> grid = new Grid<>();
    private final CooperativeService cooperatives;

    public CooperativesView(CooperativeService cooperatives, UiAudit audit) {
        this.cooperatives = cooperatives;
        grid.setId("cooperatives-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(Cooperative::code).setHeader(getTranslation("cooperatives.code")).setAutoWidth(true);
        grid.addColumn(Cooperative::name).setHeader(getTranslation("profile.name"));
        grid.addColumn(c -> c.district() == null ? "" : c.district()).setHeader(getTranslation("profile.district"));
        grid.addColumn(c -> c.country() + " · " + c.baseCurrency()).setHeader(getTranslation("cooperatives.country"));

        TextField code = text("cooperatives.code", 16, "cooperative-code");
        code.setHelperText(getTranslation("cooperatives.code.help"));
        TextField name = text("profile.name", 200, "cooperative-name");
        TextField village = text("profile.village", 100, "cooperative-village");
        TextField district = text("profile.district", 100, "cooperative-district");
        TextField province = text("profile.province", 100, "cooperative-province");
        Select<Country> country = new Select<>();
        country.setLabel(getTranslation("cooperatives.country"));
        country.setItems(COUNTRIES);
        country.setItemLabelGenerator(c -> c.code() + " · " + c.currency());
        country.setValue(COUNTRIES.get(0));
        Select<String> language = new Select<>();
        language.setLabel(getTranslation("profile.language"));
        language.setItems("id", "en");
        language.setItemLabelGenerator(l -> getTranslation("language." + l));
        language.setValue("id");
        Button found = new Button(getTranslation("cooperatives.create"), VaadinIcon.PLUS.create(), e -> {
            try {
                Country c = country.getValue();
                Cooperative created = cooperatives.create(new NewCooperative(code.getValue().strip(), name.getValue(),
                        village.getValue(), district.getValue(), province.getValue(), c.code(), c.currency(), language.getValue(),
                        c.timeZone()));
                audit.done(created.id(), "CREATE_COOPERATIVE", created.code() + " " + created.name());
                Notifications.success(getTranslation("cooperatives.created", created.name()));
                refresh();
            } catch (DomainException ex) {
                Notifications.refused(ex);
            }
        });
        found.setId("cooperative-create");
        found.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(code, name, village, district, province, country, language);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 3));
        add(new H2(getTranslation("nav.cooperatives")), grid, new H3(getTranslation("cooperatives.new")), form, found);
        refresh();
    }

    private TextField text(String key, int max, String id) {
        TextField field = new TextField(getTranslation(key));
        TextLimit.limit(field, max);
        field.setId(id);
        return field;
    }

    private void refresh() {
        grid.setItems(cooperatives.list());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.cooperatives") + " — Lumbung";
    }
}
