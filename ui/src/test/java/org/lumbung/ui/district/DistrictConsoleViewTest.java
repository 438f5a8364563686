package org.lumbung.ui.district;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.Test;
import org.lumbung.district.DistrictRow;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.ui.KaribuTest;
import org.lumbung.ui.reports.StatementsView;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The district auditor's console on the sample: her district's cooperative with its figures, sortable, and a way in. */
class DistrictConsoleViewTest extends KaribuTest {

    @Test
    @SuppressWarnings("unchecked")
    void theAuditorSeesHerDistrictAndOpensAStatement() {
        signIn("auditor", Messages.INDONESIAN);
        UI.getCurrent().navigate(DistrictConsoleView.class);
        Grid<DistrictRow> grid = _get(Grid.class, spec -> spec.withId("district-grid"));
        List<DistrictRow> rows = grid.getListDataView().getItems().toList();
        DistrictRow ngrupit = rows.stream().filter(r -> r.code().equals("ngrupit")).findFirst().orElseThrow();
        assertThat(ngrupit.members()).isPositive();
        assertThat(ngrupit.women()).isPositive().isLessThanOrEqualTo(ngrupit.members());
        assertThat(ngrupit.savings()).isPositive();
        assertThat(ngrupit.lastPosting()).isNotNull();
        assertThat(grid.getColumns()).allMatch(c -> c.getKey() != null);
        assertThat(grid.getColumnByKey("par30").isSortable()).isTrue();
        assertThat(grid.getColumnByKey("members").getHeaderText()).isEqualTo("Anggota (perempuan / purna migran)");

        Button statements = _get(Button.class, spec -> spec.withId("district-open-statements"));
        assertThat(statements.isEnabled()).as("a row is chosen first").isFalse();
        _clickItem(grid, rows.indexOf(ngrupit));
        _click(statements);
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0)).isInstanceOf(StatementsView.class);
    }
}
