package org.lumbung.ui.dashboard;

import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.KaribuTest;
import org.lumbung.ui.components.FigureCard;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

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

        // the sample has 150 members: 3 applicants, 1 suspended and 1 who left are not active
        assertThat(members.countActive(ngrupit)).isEqualTo(145);
        assertThat(figure("figure-members")).contains("Active members").contains("145")
                .contains(members.countWomen(ngrupit) + " of them women");
        assertThat(ledgerTotal("3100")).isPositive();
        assertThat(figure("figure-share-capital")).contains(Formats.money(ledgerTotal("3100"), "IDR", Messages.ENGLISH));
        assertThat(figure("figure-voluntary")).contains(Formats.money(ledgerTotal("2100"), "IDR", Messages.ENGLISH));
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
    }

    @Test
    void signedOutPeopleAreSentToSignIn() {
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0))
                .isInstanceOf(org.lumbung.ui.security.LoginView.class);
    }
}
