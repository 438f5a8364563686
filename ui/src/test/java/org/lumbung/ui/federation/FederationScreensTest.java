package org.lumbung.ui.federation;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.district.DistrictRow;
import org.lumbung.federation.Federation;
import org.lumbung.federation.Federations;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.security.SystemActor;
import org.lumbung.ui.KaribuTest;
import org.lumbung.ui.district.DistrictConsoleView;
import org.lumbung.ui.reports.StatementsView;

import java.util.List;
import java.util.Optional;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample federation's sign-in in the district console (its member cooperative, the statements to open, no audit
 * pack to make), and the administrator founding a federation and moving a cooperative into it and back.
 */
class FederationScreensTest extends KaribuTest {

    @Test
    @SuppressWarnings("unchecked")
    void theFederationSeesItsMemberInTheConsoleAndOpensItsStatements() {
        signIn("federation", Messages.INDONESIAN);
        UI.getCurrent().navigate(DistrictConsoleView.class);
        Grid<DistrictRow> grid = _get(Grid.class, spec -> spec.withId("district-grid"));
        List<DistrictRow> rows = grid.getListDataView().getItems().toList();
        assertThat(rows).extracting(DistrictRow::code).containsExactly("ngrupit");
        assertThat(grid.getColumnByKey("flags").getHeaderText()).isEqualTo("Tanda bahaya (PEARLS dan rantai)");
        assertThat(_find(Button.class, spec -> spec.withId("district-open-audit-pack"))).as("it makes no audit pack").isEmpty();
        _clickItem(grid, 0);
        _click(_get(Button.class, spec -> spec.withId("district-open-statements")));
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0)).isInstanceOf(StatementsView.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAdministratorFoundsAFederationAndMovesACooperativeIntoIt() {
        signIn("admin");
        UI.getCurrent().navigate(FederationsView.class);
        _setValue(_get(TextField.class, spec -> spec.withId("federation-code")), "fed-ui");
        _setValue(_get(TextField.class, spec -> spec.withId("federation-name")), "Federasi Uji");
        _click(_get(Button.class, spec -> spec.withId("federation-create")));
        Federations federations = context.getBean(Federations.class);
        Federation created = SystemActor.run(() -> federations.byCode("fed-ui"));
        Federation sample = SystemActor.run(() -> federations.byCode("fkpmi"));

        Grid<Cooperative> grid = _get(Grid.class, spec -> spec.withId("federations-cooperatives"));
        int ngrupit = grid.getListDataView().getItems().map(Cooperative::code).toList().indexOf("ngrupit");
        _clickItem(grid, ngrupit);
        Select<Federation> choice = _get(Select.class, spec -> spec.withId("federation-choice"));
        assertThat(choice.getValue()).as("the sample cooperative is in the sample federation").isEqualTo(sample);
        choice.setValue(created);
        _click(_get(Button.class, spec -> spec.withId("federation-assign")));
        long id = grid.getListDataView().getItems().toList().get(ngrupit).id();
        assertThat(SystemActor.run(federations::memberships)).containsEntry(id, created.id());

        SystemActor.run(() -> {
            federations.assign(id, Optional.of(sample.id())); // as the sample has it, for the other tests
            return null;
        });
    }
}
