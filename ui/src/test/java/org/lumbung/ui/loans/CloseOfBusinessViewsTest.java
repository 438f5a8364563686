package org.lumbung.ui.loans;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.loans.closing.CloseOfBusiness;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.ui.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class CloseOfBusinessViewsTest extends KaribuTest {

    @Autowired
    CooperativeService cooperatives;
    @Autowired
    CloseOfBusiness close;

    @Test
    void theTreasurerClosesTheBusinessDateAndTheBarFollowsUntilItIsDone() throws Exception {
        signIn("treasurer");
        long coop = cooperatives.byCode("ngrupit").id();
        LocalDate before = close.businessDate(coop);
        LocalDate today = close.status(coop).today();
        UI.getCurrent().navigate(CloseOfBusinessView.class);
        CloseOfBusinessView view = _get(CloseOfBusinessView.class);
        Button closeDay = _get(Button.class, spec -> spec.withId("close-day"));
        if (before.isAfter(today)) { // another test of this context closed today already: nothing left to close
            assertThat(closeDay.isEnabled()).isFalse();
            return;
        }
        assertThat(closeDay.isEnabled()).as("a business date not after today can be closed").isTrue();
        _click(closeDay);
        for (int i = 0; i < 300 && view.isRunning(); i++) {
            Thread.sleep(100);
            MockVaadin.clientRoundtrip();
        }
        assertThat(view.isRunning()).isFalse();
        assertThat(close.businessDate(coop)).isEqualTo(before.plusDays(1));
        assertThat(_get(Div.class, spec -> spec.withId("close-last-run")).getElement().getTextRecursively())
                .contains(org.lumbung.ui.i18n.Formats.date(before, Messages.ENGLISH));

        UI.getCurrent().navigate(PortfolioView.class);
        assertThat(_get(Div.class, spec -> spec.withId("portfolio-outstanding")).getElement().getTextRecursively()).contains("IDR");
        assertThat(_find(Div.class, spec -> spec.withId("portfolio-trend"))).hasSize(1);
    }

    @Test
    void anAuditorReadsButRunsNothing() {
        signIn("auditor");
        UI.getCurrent().navigate(CloseOfBusinessView.class);
        assertThat(_get(Div.class, spec -> spec.withId("close-business-date")).getElement().getTextRecursively()).isNotEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("close-day"))).as("offered only to who may run it").isEmpty();
    }
}
