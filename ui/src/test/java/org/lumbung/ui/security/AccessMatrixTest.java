package org.lumbung.ui.security;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import org.junit.jupiter.api.Test;
import org.lumbung.ui.KaribuTest;
import org.lumbung.ui.audit.AuditView;
import org.lumbung.ui.dashboard.DashboardView;
import org.lumbung.ui.ledger.ChartOfAccountsView;
import org.lumbung.ui.ledger.JournalView;
import org.lumbung.ui.ledger.ManualEntryView;
import org.lumbung.ui.ledger.PeriodsView;
import org.lumbung.ui.ledger.TrialBalanceView;
import org.lumbung.ui.ledger.VerificationView;
import org.lumbung.ui.members.MembersView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Vaadin route, for every role and signed out, against the permission matrix of the README. The
 * routes come from Vaadin's route registry, so a new screen without a line in the matrix fails this
 * test. The REST side is {@link ApiAccessMatrixTest}.
 */
class AccessMatrixTest extends KaribuTest {

    static final List<String> PEOPLE = List.of("anonymous", "treasurer", "chair", "auditor", "admin");
    static final Set<String> SIGNED_IN = Set.of("treasurer", "chair", "auditor", "admin");

    /** Who reaches each screen. */
    static final Map<Class<? extends Component>, Set<String>> SCREENS = Map.ofEntries(
            Map.entry(DashboardView.class, SIGNED_IN),
            Map.entry(MembersView.class, SIGNED_IN),
            Map.entry(JournalView.class, SIGNED_IN),
            Map.entry(ManualEntryView.class, Set.of("treasurer", "chair", "admin")),
            Map.entry(ChartOfAccountsView.class, SIGNED_IN),
            Map.entry(PeriodsView.class, SIGNED_IN),
            Map.entry(TrialBalanceView.class, SIGNED_IN),
            Map.entry(VerificationView.class, SIGNED_IN),
            Map.entry(AuditView.class, Set.of("chair", "auditor", "admin")),
            Map.entry(org.lumbung.ui.admin.ApiTokensView.class, Set.of("admin")),
            Map.entry(org.lumbung.ui.ledger.ApprovalsView.class, SIGNED_IN));
    /** Sign-in and first-start pages are open to everyone (first start forwards to sign-in once set up). */
    static final Set<Class<? extends Component>> OPEN = Set.of(LoginView.class, SetupView.class);


    @Test
    void everyScreenForEveryRole() {
        List<RouteData> routes = RouteConfiguration.forApplicationScope().getAvailableRoutes();
        assertThat(routes).isNotEmpty();
        List<String> failures = new ArrayList<>();
        for (RouteData route : routes) {
            Class<? extends Component> target = route.getNavigationTarget();
            if (OPEN.contains(target)) {
                continue;
            }
            assertThat(SCREENS).as("the access matrix has a line for screen %s", target.getSimpleName()).containsKey(target);
            for (String person : PEOPLE) {
                tearDownAndSetUp();
                if (!person.equals("anonymous")) {
                    signIn(person);
                }
                UI.getCurrent().navigate(target);
                boolean reached = target.isInstance(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0));
                if (reached != SCREENS.get(target).contains(person)) {
                    failures.add(person + (reached ? " reached " : " did not reach ") + target.getSimpleName());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private void tearDownAndSetUp() {
        tearDownVaadin();
        setUpVaadinAgain();
    }

}
