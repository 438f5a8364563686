package org.lumbung.ui.dashboard;

import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.ui.KaribuTest;
import org.lumbung.ui.components.FigureCard;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class DashboardViewTest extends KaribuTest {

    private static String figure(String id) {
        return _get(FigureCard.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    @Test
    void showsTheSampleCooperativesRealFiguresInEnglish() {
        signIn("treasurer", Messages.ENGLISH);
        UI.getCurrent().navigate(DashboardView.class);

        assertThat(figure("figure-members")).contains("Active members").contains("12").contains("10 of them women");
        // 12 members paid Rp 100.000 simpanan pokok each
        assertThat(figure("figure-share-capital")).contains("IDR 1,200,000.00");
        // 2.000.000 + 1.500.000 + 750.000 + 1.000.000 deposited, 500.000 withdrawn
        assertThat(figure("figure-voluntary")).contains("IDR 4,750,000.00");
        assertThat(figure("figure-entries")).contains("38");
    }

    @Test
    void speaksBahasaIndonesiaWithIndonesianNumbers() {
        signIn("treasurer", Messages.INDONESIAN);
        UI.getCurrent().navigate(DashboardView.class);

        assertThat(figure("figure-members")).contains("Anggota aktif").contains("10 di antaranya perempuan");
        assertThat(figure("figure-share-capital")).contains("Rp 1.200.000,00");
        assertThat(figure("figure-mandatory")).contains("Simpanan wajib").contains("Rp 450.000,00");
    }

    @Test
    void signedOutPeopleAreSentToSignIn() {
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0))
                .isInstanceOf(org.lumbung.ui.security.LoginView.class);
    }
}
