package org.lumbung.ui.security;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import org.junit.jupiter.api.Test;
import org.lumbung.security.AccessTable;
import org.lumbung.security.Role;
import org.lumbung.ui.KaribuTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Vaadin route, for every role and signed out, against the access table: a screen is reached by
 * exactly the roles that have the ability it names ({@link RequiresAbility}). The routes come from
 * Vaadin's route registry, so a new screen without an ability fails this test. The table's rows
 * themselves are pinned by {@code AccessTableTest}; the REST side is {@link ApiAccessMatrixTest}.
 */
class AccessMatrixTest extends KaribuTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.lumbung.members.MemberService members;
    @org.springframework.beans.factory.annotation.Autowired
    org.lumbung.cooperative.CooperativeService cooperatives;

    /** "ngrupit-1" is the sample cooperative's demo member (role MEMBER). */
    static final String MEMBER = "ngrupit-1";
    /** The sample's people, one of each role, and who is signed out. */
    static final List<String> PERSONS = List.of("anonymous", "treasurer", "chair", "auditor", "admin", MEMBER);
    static final Map<String, Role> PEOPLE = Map.of("treasurer", Role.TREASURER, "chair", Role.CHAIR, "auditor", Role.AUDITOR,
            "admin", Role.ADMIN, MEMBER, Role.MEMBER);
    /** Sign-in and first-start pages are open to everyone (first start forwards to sign-in once set up). */
    static final Set<Class<? extends Component>> OPEN = Set.of(LoginView.class, SetupView.class, StartingView.class);

    @org.springframework.beans.factory.annotation.Autowired
    AccessTable table;

    /** Who reaches a screen: the roles that have its ability in the access table; nobody signed out. */
    private boolean expected(String person, Class<? extends Component> screen) {
        Role role = PEOPLE.get(person);
        return role != null && table.allows(role, screen.getAnnotation(RequiresAbility.class).value());
    }

    @Test
    void everyScreenForEveryRole() {
        List<RouteData> routes = RouteConfiguration.forApplicationScope().getAvailableRoutes();
        assertThat(routes).isNotEmpty();
        List<String> failures = new ArrayList<>();
        // a member page needs a member: number 2, not the demo member's own
        signIn("treasurer");
        String otherMember = Long.toString(members.byNumber(cooperatives.byCode("ngrupit").id(), 2).orElseThrow().id());
        String loan = Long.toString(appliedLoan(otherMember));
        for (RouteData route : routes) {
            Class<? extends Component> target = route.getNavigationTarget();
            if (OPEN.contains(target)) {
                continue;
            }
            assertThat(target.getAnnotation(RequiresAbility.class)).as("screen %s names the ability it needs", target.getSimpleName())
                    .isNotNull();
            assertThat(table.find(target.getAnnotation(RequiresAbility.class).value())).as("the ability of %s", target.getSimpleName())
                    .isPresent();
            for (String person : PERSONS) {
                tearDownAndSetUp();
                if (!person.equals("anonymous")) {
                    signIn(person);
                }
                if (target == org.lumbung.ui.members.MemberView.class
                        || target == org.lumbung.ui.remittance.MemberRemittancesView.class) {
                    UI.getCurrent().navigate(target, new com.vaadin.flow.router.RouteParameters("memberId", otherMember));
                } else if (target == org.lumbung.ui.loans.LoanView.class) {
                    UI.getCurrent().navigate(target, new com.vaadin.flow.router.RouteParameters("loanId", loan));
                } else {
                    UI.getCurrent().navigate(target);
                }
                boolean reached = target.isInstance(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0));
                if (reached != expected(person, target)) {
                    failures.add(person + (reached ? " reached " : " did not reach ") + target.getSimpleName());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.lumbung.loans.LoanProductService products;
    @org.springframework.beans.factory.annotation.Autowired
    org.lumbung.loans.LoanService loans;

    /** A loan page needs a loan: the chair makes a product, the treasurer (signed in) applies for member 2. */
    private long appliedLoan(String memberId) {
        long coop = cooperatives.byCode("ngrupit").id();
        tearDownAndSetUp();
        signIn("chair");
        var product = products.create(coop, new org.lumbung.loans.NewLoanProduct("MATRIX", "Matrix loan", "Pinjaman matriks",
                "IDR", org.lumbung.loans.schedule.InterestMethod.FLAT, new java.math.BigDecimal("1.5"),
                org.lumbung.loans.schedule.RatePeriod.MONTH, org.lumbung.loans.schedule.RepaymentFrequency.MONTHLY, 1, 24,
                new java.math.BigDecimal("100000"), new java.math.BigDecimal("5000000"), 0, 0,
                org.lumbung.loans.schedule.DayCount.THIRTY_360, new java.math.BigDecimal("100"), null, null, null, null, false, 3,
                java.math.BigDecimal.ZERO));
        tearDownAndSetUp();
        signIn("treasurer");
        java.time.LocalDate firstDue = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")).plusMonths(1);
        return loans.apply(coop, new org.lumbung.loans.LoanApplication(Long.parseLong(memberId), product.id(),
                new java.math.BigDecimal("1200000"), 12, firstDue, org.lumbung.loans.LoanPurpose.TRADE, "warung", "treasurer", List.of(), null, null,
                "matrix-loan")).id();
    }

    private void tearDownAndSetUp() {
        tearDownVaadin();
        setUpVaadinAgain();
    }

}
