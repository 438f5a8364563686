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

    @org.springframework.beans.factory.annotation.Autowired
    org.lumbung.members.MemberService members;
    @org.springframework.beans.factory.annotation.Autowired
    org.lumbung.cooperative.CooperativeService cooperatives;

    /** "ngrupit-1" is the sample cooperative's demo member (role MEMBER). */
    static final String MEMBER = "ngrupit-1";
    static final List<String> PEOPLE = List.of("anonymous", "treasurer", "chair", "auditor", "admin", MEMBER);
    /** The cooperative's staff and the auditors: every screen but the member's own page. */
    static final Set<String> SIGNED_IN = Set.of("treasurer", "chair", "auditor", "admin");
    static final Set<String> POSTING = Set.of("treasurer", "chair", "admin");

    /** Who reaches each screen. */
    static final Map<Class<? extends Component>, Set<String>> SCREENS = Map.ofEntries(
            Map.entry(DashboardView.class, SIGNED_IN),
            Map.entry(MembersView.class, SIGNED_IN),
            Map.entry(JournalView.class, SIGNED_IN),
            Map.entry(ManualEntryView.class, POSTING),
            Map.entry(org.lumbung.ui.members.MemberView.class, SIGNED_IN),
            Map.entry(org.lumbung.ui.members.ImportView.class, POSTING),
            Map.entry(org.lumbung.ui.savings.PassbookEntryView.class, POSTING),
            Map.entry(org.lumbung.ui.savings.SavingsProductsView.class, SIGNED_IN),
            Map.entry(org.lumbung.ui.savings.DuesArrearsView.class, SIGNED_IN),
            Map.entry(org.lumbung.ui.my.MyAccountView.class, Set.of(MEMBER)),
            Map.entry(ChartOfAccountsView.class, SIGNED_IN),
            Map.entry(PeriodsView.class, SIGNED_IN),
            Map.entry(TrialBalanceView.class, SIGNED_IN),
            Map.entry(VerificationView.class, SIGNED_IN),
            Map.entry(AuditView.class, Set.of("chair", "auditor", "admin")),
            Map.entry(org.lumbung.ui.admin.ApiTokensView.class, Set.of("admin")),
            Map.entry(org.lumbung.ui.admin.UsersView.class, Set.of("chair", "admin")),
            Map.entry(org.lumbung.ui.admin.CooperativesView.class, Set.of("admin")),
            Map.entry(org.lumbung.ui.admin.CooperativeProfileView.class, SIGNED_IN),
            Map.entry(org.lumbung.ui.ledger.ApprovalsView.class, SIGNED_IN));
    /** Sign-in and first-start pages are open to everyone (first start forwards to sign-in once set up). */
    static final Set<Class<? extends Component>> OPEN = Set.of(LoginView.class, SetupView.class);


    @Test
    void everyScreenForEveryRole() {
        List<RouteData> routes = RouteConfiguration.forApplicationScope().getAvailableRoutes();
        assertThat(routes).isNotEmpty();
        List<String> failures = new ArrayList<>();
        // a member page needs a member: number 2, not the demo member's own
        signIn("treasurer");
        String otherMember = Long.toString(members.byNumber(cooperatives.byCode("ngrupit").id(), 2).orElseThrow().id());
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
                if (target == org.lumbung.ui.members.MemberView.class) {
                    UI.getCurrent().navigate(target, new com.vaadin.flow.router.RouteParameters("memberId", otherMember));
                } else {
                    UI.getCurrent().navigate(target);
                }
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
