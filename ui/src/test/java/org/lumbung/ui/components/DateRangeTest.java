package org.lumbung.ui.components;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.ui.KaribuTest;
import org.lumbung.ui.remittance.RemittanceListView;
import org.lumbung.ui.sales.SalesHistoryView;

import java.time.LocalDate;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** The days a list covers: a last day before the first is refused with a message, and the list keeps its rows. */
class DateRangeTest extends KaribuTest {

    @Test
    void aLastDayBeforeTheFirstIsRefusedWithAMessageAndTheSalesKeepTheirPeriod() {
        signIn("treasurer", Messages.ENGLISH);
        UI.getCurrent().navigate(SalesHistoryView.class);
        DateField from = _get(DateField.class, spec -> spec.withId("shop-sales-from"));
        DateField to = _get(DateField.class, spec -> spec.withId("shop-sales-to"));
        Span count = _get(Span.class, spec -> spec.withId("shop-sales-count"));
        String shown = count.getText();
        LocalDate first = from.getValue();

        _setValue(from, to.getValue().plusDays(1));

        assertThat(to.isInvalid()).isTrue();
        assertThat(to.getErrorMessage()).isEqualTo("The last day is before the first day.");
        assertThat(count.getText()).isEqualTo(shown);

        _setValue(from, first.minusYears(5));

        assertThat(to.isInvalid()).isFalse();
        assertThat(count.getText()).isNotEqualTo(shown);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOpenRangeRefusesTheWrongOrderInIndonesianAndTakesAnEmptyDayAsNoLimit() {
        signIn("treasurer", Messages.INDONESIAN);
        UI.getCurrent().navigate(RemittanceListView.class);
        DateField from = _get(DateField.class, spec -> spec.withId("remittances-from"));
        DateField to = _get(DateField.class, spec -> spec.withId("remittances-to"));
        Grid<Object> grid = _get(Grid.class, spec -> spec.withId("remittances-grid"));

        _setValue(to, from.getValue().minusDays(1));

        assertThat(to.isInvalid()).isTrue();
        assertThat(to.getErrorMessage()).isEqualTo("Tanggal akhir lebih awal dari tanggal awal.");

        _setValue(from, null);

        assertThat(to.isInvalid()).isFalse();
        assertThat(grid.getLazyDataView().getItems().count()).as("every remittance up to the last day").isPositive();
    }
}
