package org.lumbung.ui.dashboard;

import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.KaribuTest;
import org.lumbung.ui.components.FigureCard;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's figures against what the ledger and the registry say at the time of the test, never
 * against the sample's figures at load: other screen tests change the shared database before or after.
 */
class DashboardViewTest extends KaribuTest {

    private static String figure(String id) {
        return _get(FigureCard.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.lumbung.ledger.ChartOfAccounts chart;
    @org.springframework.beans.factory.annotation.Autowired
    org.lumbung.cooperative.CooperativeService cooperatives;
    @org.springframework.beans.factory.annotation.Autowired
    org.lumbung.members.MemberService members;

    /** A control account with every member's sub-account, summed by the ledger itself. */
    private java.math.BigDecimal ledgerTotal(String code) {
        return org.lumbung.security.SystemActor.run(() -> chart.balanceWithDescendants(cooperatives.byCode("ngrupit").id(), code));
    }

    @Test
    void showsTheSampleCooperativesRealFiguresInEnglish() {
        signIn("treasurer", Messages.ENGLISH);
        UI.getCurrent().navigate(DashboardView.class);
        long ngrupit = cooperatives.byCode("ngrupit").id();

        // read live: the screen tests share one database, and other classes register members in it
        // (the sample's own 145 active members are SampleDataTest's, on a database of its own)
        assertThat(figure("figure-members")).contains("Active members")
                .contains(Formats.number(members.countActive(ngrupit), Messages.ENGLISH))
                .contains(members.countWomen(ngrupit) + " of them women");
        assertThat(ledgerTotal("3100")).isPositive();
        assertThat(figure("figure-share-capital")).contains(Formats.money(ledgerTotal("3100"), "IDR", Messages.ENGLISH));
        assertThat(figure("figure-voluntary")).contains(Formats.money(ledgerTotal("2100"), "IDR", Messages.ENGLISH));
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.lumbung.savings.DuesService dues;
    @org.springframework.beans.factory.annotation.Autowired
    org.lumbung.ledger.Approvals approvals;
    @org.springframework.beans.factory.annotation.Autowired
    java.time.Clock clock;

    /** The issue: "Loans outstanding Rp 0" and "Cooperatives in Lumbung 1" told the treasurer nothing to act on. */
    @Test
    void showsWhatTheTreasurerActsOnTodayAndNoFiguresSheDoesNotNeed() {
        signIn("treasurer", Messages.ENGLISH);
        UI.getCurrent().navigate(DashboardView.class);
        var ngrupit = cooperatives.byCode("ngrupit");
        java.time.LocalDate today = ngrupit.today(clock);

        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(FigureCard.class, spec -> spec.withId("figure-loans"))).isEmpty();
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(FigureCard.class, spec -> spec.withId("figure-cooperatives"))).isEmpty();
        // the sample ends today, with remittances deposited at the office: cash came in
        assertThat(figure("figure-cash-today")).contains("Cash today").contains("in IDR").doesNotContain("in IDR 0.00");
        int behind = org.lumbung.security.SystemActor.run(() -> dues.arrears(ngrupit.id(), today).size());
        assertThat(behind).isPositive();
        assertThat(figure("figure-dues-behind")).contains("Members behind").contains(Formats.number(behind, Messages.ENGLISH));
        assertThat(_get(FigureCard.class, spec -> spec.withId("figure-dues-behind")).getParent().orElseThrow())
                .isInstanceOf(com.vaadin.flow.component.html.Anchor.class)
                .satisfies(a -> assertThat(((com.vaadin.flow.component.html.Anchor) a).getHref()).isEqualTo("savings/arrears"));
        int pending = org.lumbung.security.SystemActor.run(() -> approvals.pendingCount(ngrupit.id()));
        assertThat(figure("figure-approvals")).contains("Waiting for approval").contains(Formats.number(pending, Messages.ENGLISH));
        assertThat(figure("figure-backup")).contains("Last backup");
    }

    @Test
    void speaksBahasaIndonesiaWithIndonesianNumbers() {
        signIn("treasurer", Messages.INDONESIAN);
        UI.getCurrent().navigate(DashboardView.class);

        assertThat(figure("figure-members")).contains("Anggota aktif").contains("di antaranya perempuan");
        assertThat(figure("figure-share-capital")).contains(Formats.money(ledgerTotal("3100"), "IDR", Messages.INDONESIAN))
                .contains("Rp ");
        assertThat(figure("figure-mandatory")).contains("Simpanan wajib")
                .contains(Formats.money(ledgerTotal("3200"), "IDR", Messages.INDONESIAN));
        assertThat(figure("figure-remittances-month")).as("the share put to work with a decimal comma")
                .containsPattern("\\d+,\\d{2} % dimanfaatkan");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.jooq.DSLContext dsl;

    @Test
    void aBrokenChainIsSaidOnTheDashboardOfTheChairTreasurerAndAuditor() {
        long ngrupit = org.lumbung.security.SystemActor.run(() -> cooperatives.byCode("ngrupit").id());
        for (String who : java.util.List.of("chair", "treasurer", "auditor")) {
            tearDownVaadin();
            setUpVaadinAgain();
            signIn(who, Messages.INDONESIAN);
            UI.getCurrent().navigate(DashboardView.class);
            assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(com.vaadin.flow.component.html.Paragraph.class,
                    spec -> spec.withId("chain-broken"))).as("an intact chain: no warning").isEmpty();
        }
        // what the last full verification recorded (a rewrite found at entry 7)
        var check = org.lumbung.db.jooq.Tables.CHAIN_CHECK;
        org.lumbung.security.SystemActor.run(() -> dsl.insertInto(check)
                .set(check.COOPERATIVE_ID, ngrupit).set(check.CHECKED_AT, java.time.OffsetDateTime.now())
                .set(check.OK, false).set(check.ENTRIES_CHECKED, 6L).set(check.HEAD_HASH, "a".repeat(64))
                .set(check.FIRST_BROKEN, 7L).set(check.PROBLEM_KEY, "chain.problem.altered")
                .onConflict(check.COOPERATIVE_ID).doUpdate().set(check.OK, false).set(check.FIRST_BROKEN, 7L)
                .set(check.ENTRIES_CHECKED, 6L).set(check.PROBLEM_KEY, "chain.problem.altered").execute());
        try {
            for (String who : java.util.List.of("chair", "treasurer", "auditor")) {
                tearDownVaadin();
                setUpVaadinAgain();
                signIn(who, Messages.INDONESIAN);
                UI.getCurrent().navigate(DashboardView.class);
                assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("chain-broken")).getText())
                        .as(who).startsWith("Rantai hash buku besar RUSAK mulai jurnal #7");
            }
        } finally {
            org.lumbung.security.SystemActor.run(() -> dsl.deleteFrom(check).where(check.COOPERATIVE_ID.eq(ngrupit)).execute());
        }
    }

    @Test
    void signedOutPeopleAreSentToSignIn() {
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0))
                .isInstanceOf(org.lumbung.ui.security.LoginView.class);
    }

    @Test
    void aHugeFigureStaysInsideItsCardAndKeepsTheWholeFigureInItsTitle() {
        String huge = Formats.money(new java.math.BigDecimal("999999999999999.99"), "IDR", Messages.INDONESIAN);
        FigureCard card = new FigureCard("figure-huge", "Simpanan sukarela", huge, null);
        com.vaadin.flow.dom.Element value = card.getElement().getChildren()
                .filter(e -> e.getClassList().contains("figure-value")).findFirst().orElseThrow();
        assertThat(value.getText()).isEqualTo(huge);
        assertThat(value.getAttribute("title")).isEqualTo(huge);
        assertThat(value.getStyle().get("overflow")).isEqualTo("hidden");
        assertThat(value.getStyle().get("text-overflow")).isEqualTo("ellipsis");
        assertThat(value.getStyle().get("white-space")).isEqualTo("nowrap");
        assertThat(value.getStyle().get("font-size")).isEqualTo("var(--lumo-font-size-l)");
        // a grid item's min-width is its content's by default: without 0 the card grows past its column
        assertThat(card.getStyle().get("min-width")).isEqualTo("0");
        assertThat(card.getClassNames()).contains("figure-card");
    }
}
