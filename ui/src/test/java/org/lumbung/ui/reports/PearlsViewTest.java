package org.lumbung.ui.reports;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.Test;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.reports.Pearls;
import org.lumbung.reports.PearlsRatio;
import org.lumbung.ui.KaribuTest;
import org.lumbung.ui.components.EChart;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The PEARLS screen of the sample: every ratio with a light, and their trend drawn. */
class PearlsViewTest extends KaribuTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyRatioHasAValueOrNoneAndTheTrendIsDrawn() {
        signIn("auditor", Messages.ENGLISH);
        UI.getCurrent().navigate(PearlsView.class);
        Grid<Pearls.Value> grid = _get(Grid.class, spec -> spec.withId("pearls-grid"));
        assertThat(grid.getListDataView().getItems().map(Pearls.Value::ratio).toList()).containsExactly(PearlsRatio.values());
        assertThat(grid.getListDataView().getItems().filter(v -> v.ratio() == PearlsRatio.E1).findFirst().orElseThrow().percent())
                .isPositive();
        assertThat(_get(EChart.class, spec -> spec.withId("pearls-trend")).option()).contains("\"E1\"", "\"S11\"");
    }

    @Test
    void theOverviewDrawsItsChartsOfTheLastMonths() {
        signIn("treasurer", Messages.ENGLISH);
        UI.getCurrent().navigate(ReportsOverviewView.class);
        for (String id : new String[] {"overview-savings-loans", "overview-par", "overview-remittances", "overview-shop", "overview-pearls"}) {
            String option = _get(EChart.class, spec -> spec.withId(id)).option();
            assertThat(option).as(id).contains("\"xAxis\"", "\"series\"");
        }
        assertThat(_get(EChart.class, spec -> spec.withId("overview-savings-loans")).option()).contains("Loans outstanding");
    }

    @Test
    void theTrendsNameTheirMonthsInTheReadersLanguage() {
        signIn("chair", Messages.INDONESIAN);
        UI.getCurrent().navigate(ReportsOverviewView.class);
        String overview = _get(EChart.class, spec -> spec.withId("overview-remittances")).option();
        UI.getCurrent().navigate(PearlsView.class);
        String pearls = _get(EChart.class, spec -> spec.withId("pearls-trend")).option();
        for (String option : List.of(overview, pearls)) {
            assertThat(option).containsAnyOf("Desember", "November", "Oktober").doesNotContainPattern("\"\\d{4}-\\d{2}\"");
        }
        // remittances are still counted in their months
        assertThat(overview).containsPattern("\"data\":\\[[^\\]]*\"[1-9]");
    }
}
