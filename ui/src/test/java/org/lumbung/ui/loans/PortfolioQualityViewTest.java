package org.lumbung.ui.loans;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.loans.closing.CloseOfBusiness;
import org.lumbung.loans.closing.PortfolioDimension;
import org.lumbung.ui.KaribuTest;
import org.lumbung.ui.components.EChart;
import org.lumbung.ui.components.GridExport;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The portfolio screen's quality panel on the sample cooperative, read in Indonesian. */
class PortfolioQualityViewTest extends KaribuTest {

    @Autowired
    CooperativeService cooperatives;
    @Autowired
    CloseOfBusiness close;

    @Test
    @SuppressWarnings("unchecked")
    void byProductTheGridShowsEachProductAndTheWholeInTheReadersLocaleAndExportsIt() throws Exception {
        signIn("treasurer", Locale.forLanguageTag("id"));
        long coop = cooperatives.byCode("ngrupit").id();
        LocalDate today = close.status(coop).today();
        if (close.run(coop, today).isEmpty()) {
            close.catchUp(coop, today, null);
        }
        UI.getCurrent().navigate(PortfolioView.class);
        Select<PortfolioDimension> by = _get(Select.class, spec -> spec.withId("quality-by"));
        by.setValue(PortfolioDimension.PRODUCT);
        Grid<?> grid = _get(Grid.class, spec -> spec.withId("portfolio-quality"));
        int rows = _size(grid);
        assertThat(rows).as("the sample's products and the whole").isGreaterThanOrEqualTo(2);
        List<String> whole = _getFormattedRow(grid, rows - 1);
        assertThat(whole.get(0)).isEqualTo("Seluruh portofolio");
        assertThat(whole.get(3)).as("PAR > 1 day, Indonesian decimals").matches("\\d+,\\d{2} %");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("quality-summary")).getText())
                .startsWith("Per ");
        assertThat(_get(EChart.class, spec -> spec.withId("quality-trend")).option()).contains("Cakupan penyisihan");

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        _get(GridExport.class).write(GridExport.Format.CSV, csv);
        String exported = csv.toString(StandardCharsets.UTF_8);
        assertThat(exported).contains("Rasio hapus buku", "Seluruh portofolio");
        assertThat(exported.lines().count()).isEqualTo(rows + 1L);
    }
}
