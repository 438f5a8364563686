package org.lumbung.ui.my;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.RouteParameters;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.savings.SavingsService;
import org.lumbung.savings.SavingsTransaction;
import org.lumbung.security.LumbungUser;
import org.lumbung.ui.KaribuTest;
import org.lumbung.ui.dashboard.DashboardView;
import org.lumbung.ui.members.MemberView;
import org.lumbung.ui.members.MembersView;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class MyAccountViewTest extends KaribuTest {

    static final String DEMO_MEMBER = "ngrupit-1";

    @Autowired
    CooperativeService cooperatives;
    @Autowired
    MemberService members;
    @Autowired
    SavingsService savings;

    @Test
    @SuppressWarnings("unchecked")
    void aMemberLandsOnTheirOwnPageWithOnlyTheirData() {
        LumbungUser user = signIn(DEMO_MEMBER);
        long coop = cooperatives.byCode("ngrupit").id();
        long me = user.account().memberId();
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0)).isInstanceOf(MyAccountView.class);

        Member member = members.member(coop, me);
        assertThat(_get(H2.class, spec -> spec.withId("my-name")).getText()).isEqualTo(member.fullName());
        List<SavingsAccount> accounts = savings.accounts(coop, me);
        Div balances = _get(Div.class, spec -> spec.withId("my-balances"));
        assertThat(balances.getChildren().count()).isEqualTo(accounts.stream().filter(a -> a.active() || a.balance().signum() != 0).count());
        // the statement as cards a phone shows whole: when, what, which account, how much, the balance after
        List<SavingsTransaction> newest = savings.transactions(coop, me, 0, 20);
        List<Div> cards = _find(Div.class, spec -> spec.withClasses("statement-card"));
        assertThat(cards).hasSize((int) Math.min(20, savings.transactionCount(coop, me))).isNotEmpty();
        SavingsTransaction first = newest.get(0);
        SavingsAccount itsAccount = accounts.stream().filter(a -> a.number().equals(first.accountNumber())).findFirst().orElseThrow();
        assertThat(cards.get(0).getElement().getTextRecursively())
                .contains(org.lumbung.ui.i18n.Formats.date(first.valueDate(), java.util.Locale.ENGLISH))
                .contains(itsAccount.product().name(java.util.Locale.ENGLISH), first.accountNumber())
                .contains(org.lumbung.ui.i18n.Formats.money(first.amount(), first.currency(), java.util.Locale.ENGLISH))
                .contains("Balance after: " + org.lumbung.ui.i18n.Formats.money(savings.balanceAfter(coop, first), first.currency(), java.util.Locale.ENGLISH))
                .contains("#" + first.receiptNumber());
        if (savings.transactionCount(coop, me) > 20) {
            _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("my-statement-more")));
            assertThat(_find(Div.class, spec -> spec.withClasses("statement-card"))).hasSizeGreaterThan(20);
        }
        // no staff navigation
        assertThat(_find(com.vaadin.flow.component.sidenav.SideNavItem.class, spec -> spec.withText("Members"))).isEmpty();
    }

    /** Karibu's error pages throw where a browser shows "not found": either is a refusal. */
    private static void denied(Runnable navigation) {
        try {
            navigation.run();
        } catch (NotFoundException expected) {
            // not found
        } catch (RuntimeException e) {
            assertThat(e.getMessage()).containsAnyOf("AccessDeniedException", "NotFoundException");
        }
    }

    @Test
    void aMemberCannotOpenAnotherMembersPage() {
        LumbungUser user = signIn(DEMO_MEMBER);
        long coop = cooperatives.byCode("ngrupit").id();
        long me = user.account().memberId();
        tearDownVaadin();
        setUpVaadinAgain();
        signIn("treasurer");
        Member other = members.byNumber(coop, 2).orElseThrow();
        assertThat(other.id()).isNotEqualTo(me);
        tearDownVaadin();
        setUpVaadinAgain();
        signIn(DEMO_MEMBER);
        for (Class<? extends com.vaadin.flow.component.Component> staffOnly : List.of(MembersView.class)) {
            denied(() -> UI.getCurrent().navigate(staffOnly));
            assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0)).isNotInstanceOf(staffOnly);
        }
        denied(() -> UI.getCurrent().navigate(MemberView.class, new RouteParameters("memberId", Long.toString(other.id()))));
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0)).isNotInstanceOf(MemberView.class);
        assertThat(UI.getCurrent().getElement().getTextRecursively()).doesNotContain(other.fullName());
        // and the services answer not-found for another member's records
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> members.member(coop, other.id()))
                .isInstanceOfSatisfying(org.lumbung.platform.DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(org.lumbung.platform.DomainException.Kind.NOT_FOUND));
    }
}
