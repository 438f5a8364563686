package org.lumbung.ui.district;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import org.junit.jupiter.api.Test;
import org.lumbung.district.OutcomesReport;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.ui.KaribuTest;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The outcomes report on the sample: the cooperative's members by gender and migration, and the district's together. */
class OutcomesViewTest extends KaribuTest {

    @Test
    @SuppressWarnings("unchecked")
    void theAuditorReadsHerDistrictsOutcomesInIndonesian() {
        signIn("auditor", Messages.INDONESIAN);
        UI.getCurrent().navigate(OutcomesView.class);
        Grid<OutcomesReport.MemberGroup> members = _get(Grid.class, spec -> spec.withId("outcomes-members"));
        List<OutcomesReport.MemberGroup> groups = members.getListDataView().getItems().toList();
        assertThat(groups).isNotEmpty().anyMatch(g -> g.gender().equals("F") && g.migration() == OutcomesReport.Migration.RETURNED);
        String one = _get(Paragraph.class, spec -> spec.withId("outcomes-summary")).getText();
        assertThat(one).startsWith("1 koperasi").contains("simpanan per anggota");

        ((RadioButtonGroup<String>) _get(RadioButtonGroup.class, spec -> spec.withId("outcomes-scope"))).setValue(OutcomesView.ALL);
        assertThat(_get(Paragraph.class, spec -> spec.withId("outcomes-summary")).getText()).contains("koperasi");
        assertThat(_get(Paragraph.class, spec -> spec.withId("outcomes-money")).getText()).contains("Kiriman uang diterima");
    }
}
