package org.lumbung.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.security.UserAccount;
import org.lumbung.ui.dashboard.DashboardView;
import org.lumbung.ui.i18n.LanguageSwitch;
import org.lumbung.ui.ledger.ChartOfAccountsView;
import org.lumbung.ui.ledger.JournalView;
import org.lumbung.ui.ledger.ManualEntryView;
import org.lumbung.ui.ledger.PeriodsView;
import org.lumbung.ui.ledger.TrialBalanceView;
import org.lumbung.ui.ledger.VerificationView;
import org.lumbung.ui.members.ImportView;
import org.lumbung.ui.members.MembersView;
import org.lumbung.ui.my.MyAccountView;
import org.lumbung.ui.savings.DuesArrearsView;
import org.lumbung.ui.savings.PassbookEntryView;
import org.lumbung.ui.savings.SavingsProductsView;

/**
 * The desktop-style shell: side navigation grouped by task (entries appear as features land), a header
 * with the current cooperative, the person, the language and sign-out. The drawer folds away on phones.
 */
public class MainLayout extends AppLayout {

    public MainLayout(CurrentCooperative current, AuthenticationContext authentication) {
        UserAccount user = current.user();
        setPrimarySection(Section.DRAWER);
        addToNavbar(new DrawerToggle(), header(current, user, authentication));
        H1 brand = new H1("Lumbung");
        brand.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("margin", "var(--lumo-space-m)");
        addToDrawer(brand, navigation(user));
    }

    private HorizontalLayout header(CurrentCooperative current, UserAccount user, AuthenticationContext authentication) {
        HorizontalLayout header = new HorizontalLayout();
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.getStyle().set("padding-right", "var(--lumo-space-m)").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");

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
                LanguageSwitch.change(e.getValue());
            }
        });

        Button signOut = new Button(getTranslation("header.sign-out"), VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        header.add(who, language, signOut);
        return header;
    }

    private Div navigation(UserAccount user) {
        if (user.isMember()) {
            // a member sees their own page only, never the staff's screens
            SideNav mine = new SideNav();
            mine.addItem(new SideNavItem(getTranslation("nav.my"), MyAccountView.class, VaadinIcon.PIGGY_BANK.create()));
            Div only = new Div(mine);
            only.getStyle().set("padding", "0 var(--lumo-space-s)");
            return only;
        }
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem(getTranslation("nav.dashboard"), DashboardView.class, VaadinIcon.DASHBOARD.create()));

        SideNav members = group("nav.group.members");
        members.addItem(new SideNavItem(getTranslation("nav.members"), MembersView.class, VaadinIcon.USERS.create()));
        if (user.role().canPost()) {
            members.addItem(new SideNavItem(getTranslation("nav.import"), ImportView.class, VaadinIcon.UPLOAD.create()));
        }

        SideNav savings = group("nav.group.savings");
        if (user.role().canPost()) {
            savings.addItem(new SideNavItem(getTranslation("nav.passbook"), PassbookEntryView.class, VaadinIcon.BOOK_DOLLAR.create()));
        }
        savings.addItem(new SideNavItem(getTranslation("nav.arrears"), DuesArrearsView.class, VaadinIcon.CLOCK.create()));
        savings.addItem(new SideNavItem(getTranslation("nav.products"), SavingsProductsView.class, VaadinIcon.PIGGY_BANK.create()));

        SideNav ledger = group("nav.group.ledger");
        ledger.addItem(new SideNavItem(getTranslation("nav.journal"), JournalView.class, VaadinIcon.BOOK.create()));
        if (user.role().canPost()) {
            ledger.addItem(new SideNavItem(getTranslation("nav.new-entry"), ManualEntryView.class, VaadinIcon.PLUS.create()));
        }
        ledger.addItem(new SideNavItem(getTranslation("nav.chart"), ChartOfAccountsView.class, VaadinIcon.TREE_TABLE.create()));
        ledger.addItem(new SideNavItem(getTranslation("nav.periods"), PeriodsView.class, VaadinIcon.CALENDAR.create()));
        ledger.addItem(new SideNavItem(getTranslation("nav.approvals"), org.lumbung.ui.ledger.ApprovalsView.class,
                VaadinIcon.CHECK_SQUARE_O.create()));

        SideNav reports = group("nav.group.reports");
        reports.addItem(new SideNavItem(getTranslation("nav.trial-balance"), TrialBalanceView.class, VaadinIcon.SCALE.create()));
        reports.addItem(new SideNavItem(getTranslation("nav.verification"), VerificationView.class, VaadinIcon.SHIELD.create()));
        if (user.role() == org.lumbung.security.Role.ADMIN || user.role() == org.lumbung.security.Role.CHAIR
                || user.role() == org.lumbung.security.Role.AUDITOR) {
            reports.addItem(new SideNavItem(getTranslation("nav.audit"), org.lumbung.ui.audit.AuditView.class, VaadinIcon.LIST.create()));
        }

        Div all = new Div(nav, members, savings, ledger, reports);
        SideNav admin = group("nav.group.admin");
        admin.addItem(new SideNavItem(getTranslation("nav.cooperative"), org.lumbung.ui.admin.CooperativeProfileView.class,
                VaadinIcon.HOME.create()));
        if (user.role() == org.lumbung.security.Role.ADMIN || user.role() == org.lumbung.security.Role.CHAIR) {
            admin.addItem(new SideNavItem(getTranslation("nav.users"), org.lumbung.ui.admin.UsersView.class,
                    VaadinIcon.USER_CHECK.create()));
        }
        if (user.role() == org.lumbung.security.Role.ADMIN) {
            admin.addItem(new SideNavItem(getTranslation("nav.cooperatives"), org.lumbung.ui.admin.CooperativesView.class,
                    VaadinIcon.BUILDING.create()));
            admin.addItem(new SideNavItem(getTranslation("nav.api-tokens"), org.lumbung.ui.admin.ApiTokensView.class,
                    VaadinIcon.KEY.create()));
        }
        all.add(admin);
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
