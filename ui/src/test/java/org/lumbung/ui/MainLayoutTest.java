package org.lumbung.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.ui.dashboard.DashboardView;
import org.lumbung.ui.district.DistrictConsoleView;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The side navigation comes from the screens' {@code @Menu}, grouped, and shows what the role may open. */
class MainLayoutTest extends KaribuTest {

    private static List<String> items() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }

    private static List<String> groups() {
        return _find(SideNav.class).stream().map(SideNav::getLabel).filter(l -> l != null).toList();
    }

    @Test
    void aTreasurerSeesTheOfficesScreensInMenuOrderButNotTheDecidersOnes() {
        signIn("treasurer", Messages.ENGLISH);
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(items()).startsWith("Dashboard", "Members", "Import members", "Passbook entry")
                .contains("Journal", "New journal entry", "Trial balance", "Cooperative profile", "Close of business")
                .doesNotContain("Users", "Audit log", "Cooperatives", "API tokens", "My savings");
        assertThat(groups()).containsExactly("Members", "Savings", "Ledger", "Loans", "Reports", "Currencies", "Remittances", "Shop",
                "Admin");
    }

    @Test
    void anAuditorReadsButIsOfferedNoScreenThatRecords() {
        signIn("auditor", Messages.INDONESIAN);
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(items()).contains("Beranda", "Jurnal", "Catatan audit")
                .doesNotContain("Jurnal baru", "Impor anggota", "Input buku tabungan", "Pengguna");
    }

    @Test
    void anAdministratorSeesEveryStaffScreen() {
        signIn("admin", Messages.ENGLISH);
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(items()).contains("Users", "Cooperatives", "API tokens", "Audit log", "Approvals")
                .doesNotContain("My savings");
    }

    @Test
    void aMemberStartsAtTheirOwnPageAndSeesOnlyIt() {
        signIn("ngrupit-1", Messages.ENGLISH);
        UI.getCurrent().navigate("");
        assertThat(items()).containsExactly("My savings");
        assertThat(groups()).isEmpty();
    }

    @Test
    void aFederationStartsAtItsMemberCooperativesConsoleNotAtACooperativesJournal() {
        signIn("federation", Messages.INDONESIAN);
        UI.getCurrent().navigate("");
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0)).isInstanceOf(DistrictConsoleView.class);
        assertThat(_get(H2.class, spec -> spec.withText("Konsol kabupaten"))).isNotNull();
    }
}
