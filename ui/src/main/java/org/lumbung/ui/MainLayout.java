package org.lumbung.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.security.UserAccount;
import org.lumbung.ui.i18n.LanguageSwitch;
import org.lumbung.ui.security.AbilityAccessChecker;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The desktop-style shell of every screen ({@code @Layout}: screens need not name it): side navigation
 * built from the screens' {@code @Menu}, a header with the current cooperative, the person, the language
 * and sign-out. The drawer folds away on phones.
 */
@Layout
public class MainLayout extends AppLayout {

    private final AbilityAccessChecker screens;
    private final LanguageSwitch languages;

    public MainLayout(CurrentCooperative current, AuthenticationContext authentication, AbilityAccessChecker screens,
                      LanguageSwitch languages) {
        this.screens = screens;
        this.languages = languages;
        UserAccount user = current.user();
        setPrimarySection(Section.DRAWER);
        addToNavbar(new DrawerToggle(), header(current, user, authentication));
        H1 brand = new H1("Lumbung");
        brand.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("margin", "var(--lumo-space-m)");
        addToDrawer(brand, navigation(user));
    }

    private HorizontalLayout header(CurrentCooperative current, UserAccount user, AuthenticationContext authentication) {
        HorizontalLayout header = new HorizontalLayout();
        header.setId("app-header");
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.getStyle().set("padding-right", "var(--lumo-space-s)").set("gap", "var(--lumo-space-s)");

        Cooperative cooperative = current.get().orElse(null);
        if (current.choices().size() > 1) {
            Select<Cooperative> choose = new Select<>();
            choose.setId("cooperative-select");
            choose.setItems(current.choices());
            choose.setItemLabelGenerator(Cooperative::name);
            choose.setValue(cooperative);
            choose.setWidth("min(22em, 60vw)");
            choose.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    current.choose(e.getValue());
                    getUI().ifPresent(ui -> ui.getPage().reload());
                }
            });
            header.add(choose);
        } else {
            Span name = new Span(cooperative == null ? getTranslation("header.no-cooperative") : cooperative.name());
            name.setId("cooperative-name");
            name.getStyle().set("font-weight", "600");
            header.add(name);
        }
        Div spacer = new Div();
        header.addAndExpand(spacer);

        Span who = new Span(user.fullName() + " · " + getTranslation("role." + user.role().name()));
        who.setId("current-user");
        who.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");

        Select<String> language = new Select<>();
        language.setId("language-select");
        language.setItems("id", "en");
        language.setItemLabelGenerator(code -> getTranslation("language." + code));
        language.setValue("id".equals(getLocale().getLanguage()) ? "id" : "en");
        language.setWidth("12.5em");
        language.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                languages.change(e.getValue());
            }
        });

        Button signOut = new Button(getTranslation("header.sign-out"), VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        signOut.setId("sign-out");
        signOut.setTooltipText(getTranslation("header.sign-out"));
        signOut.setAriaLabel(getTranslation("header.sign-out"));
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        header.add(who, language, signOut);
        return header;
    }

    /**
     * The screens of the route registry that have {@code @Menu} and that this person's role may open
     * ({@link AbilityAccessChecker}), in menu order, grouped by {@link MenuGroup}.
     */
    private Div navigation(UserAccount user) {
        SideNav top = new SideNav();
        Map<String, SideNav> groups = new LinkedHashMap<>();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            Class<? extends Component> screen = entry.menuClass();
            if (screen == null || !screens.allows(user.role(), screen)) {
                continue;
            }
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path(),
                    entry.icon() == null || entry.icon().isBlank() ? null : new Icon(entry.icon()));
            MenuGroup group = screen.getAnnotation(MenuGroup.class);
            (group == null ? top : groups.computeIfAbsent(group.value(), this::group)).addItem(item);
        }
        Div all = new Div(top);
        groups.values().forEach(all::add);
        all.getStyle().set("padding", "0 var(--lumo-space-s)");
        return all;
    }

    private SideNav group(String key) {
        SideNav group = new SideNav(getTranslation(key));
        group.setCollapsible(true);
        group.getStyle().set("margin-top", "var(--lumo-space-m)");
        return group;
    }
}
