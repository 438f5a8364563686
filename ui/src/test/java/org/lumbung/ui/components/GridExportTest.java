package org.lumbung.ui.components;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.ui.KaribuTest;
import org.lumbung.ui.ledger.JournalView;
import org.lumbung.ui.members.MembersView;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The journal as CSV and the members as XLSX: every row the grid shows with its filters, its shown columns. */
class GridExportTest extends KaribuTest {

    @Test
    @SuppressWarnings("unchecked")
    void theJournalAsCsvHasEveryEntryOfTheFilter() throws Exception {
        signIn("treasurer", Messages.ENGLISH);
        UI.getCurrent().navigate(JournalView.class);
        GridExport<Object> export = _get(GridExport.class);
        Grid<Object> grid = _get(Grid.class, spec -> spec.withId("journal-grid"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.write(GridExport.Format.CSV, out);
        String csv = out.toString(StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("\uFEFF#,").contains("Description");
        long entries = ((com.vaadin.flow.data.provider.DataProvider<Object, Object>) grid.getDataProvider())
                .size(new com.vaadin.flow.data.provider.Query<>());
        assertThat(entries).isPositive();
        assertThat(lines).hasSize((int) Math.min(entries, GridExport.MAX_ROWS) + 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMembersAsXlsxHaveOneRowEach() throws Exception {
        signIn("treasurer", Messages.INDONESIAN);
        UI.getCurrent().navigate(MembersView.class);
        GridExport<Object> export = _get(GridExport.class);
        Grid<Object> grid = _get(Grid.class, spec -> spec.withId("members-grid"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.write(GridExport.Format.XLSX, out);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).as("named as the file is").isEqualTo("members");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo(grid.getColumns().get(1).getHeaderText());
            long members = grid.getLazyDataView().getItems().count();
            assertThat(members).isPositive();
            assertThat((long) sheet.getLastRowNum()).isEqualTo(members);
        }
    }

    @Test
    void aCellThatWouldBeAFormulaIsQuotedAndNumbersStayNumbers() {
        assertThat(GridExport.csvLine(List.of("=SUM(A1)", "-1.500,00", "@x", "a,b", "say \"hi\"", "-x")))
                .isEqualTo("'=SUM(A1),\"-1.500,00\",'@x,\"a,b\",\"say \"\"hi\"\"\",'-x\r\n");
    }
}
