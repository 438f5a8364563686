package org.lumbung.ui.components;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * CSV and XLSX downloads of whatever a grid shows: its visible columns added through {@link #column} (not buttons or
 * other components), with their headers, over every row its data provider gives with the filters in force — fetched a page at a
 * time and written as they come (CSV straight to the response, XLSX through POI's streaming workbook), at most
 * {@link #MAX_ROWS} rows, a last line saying so when there are more. One line wires it to a grid:
 * {@code bar.add(new GridExport<>(grid, "journal"))}, with the columns added by {@code GridExport.column(grid, value)}.
 */
public class GridExport<T> extends HorizontalLayout {

    public enum Format { CSV, XLSX }

    public static final int MAX_ROWS = 100_000;
    static final int PAGE = 200;

    private final Grid<T> grid;
    private final String fileName;

    public GridExport(Grid<T> grid, String fileName) {
        this.grid = grid;
        this.fileName = fileName;
        String id = grid.getId().orElse(fileName);
        add(link(id + "-csv", "grid.export.csv", fileName + ".csv", "text/csv;charset=UTF-8", Format.CSV),
                link(id + "-xlsx", "grid.export.xlsx", fileName + ".xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Format.XLSX));
        setSpacing(true);
    }

    private Anchor link(String id, String textKey, String file, String type, Format format) {
        Anchor a = new Anchor();
        a.setHref((DownloadHandler) event -> {
            event.setFileName(file);
            event.setContentType(type);
            UI ui = event.getUI();
            ui.accessSynchronously(() -> {
                try {
                    write(format, event.getOutputStream());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        });
        a.setText(getTranslation(textKey));
        a.setId(id);
        a.getElement().setAttribute("download", file);
        a.getElement().insertChild(0, VaadinIcon.DOWNLOAD_ALT.create().getElement());
        return a;
    }

    /** The grid's rows in the format, written to {@code out} (not closed). */
    public void write(Format format, OutputStream out) throws IOException {
        List<String> headers = new ArrayList<>();
        List<ValueProvider<T, ?>> values = new ArrayList<>();
        for (Grid.Column<T> c : grid.getColumns()) {
            ValueProvider<T, ?> value = valueOf(c);
            if (c.isVisible() && value != null) {
                headers.add(c.getHeaderText() == null ? "" : c.getHeaderText());
                values.add(value);
            }
        }
        if (format == Format.CSV) {
            writeCsv(headers, values, out);
        } else {
            writeXlsx(headers, values, out);
        }
    }

    /**
     * Adds a column showing the value, as {@link Grid#addColumn(ValueProvider)} does, that the export also writes
     * (columns added otherwise — buttons, components — are left out of it).
     */
    public static <T> Grid.Column<T> column(Grid<T> grid, ValueProvider<T, ?> value) {
        Grid.Column<T> column = grid.addColumn(value);
        ComponentUtil.setData(column, ValueProvider.class, value);
        return column;
    }

    @SuppressWarnings("unchecked")
    private static <T> ValueProvider<T, ?> valueOf(Grid.Column<T> column) {
        return (ValueProvider<T, ?>) ComponentUtil.getData(column, ValueProvider.class);
    }

    /** Every row the grid's data provider gives with its filter, a page at a time; false when more were left out. */
    @SuppressWarnings("unchecked")
    private boolean forEachRow(Consumer<T> row) {
        DataProvider<T, Object> provider = (DataProvider<T, Object>) grid.getDataProvider();
        int offset = 0;
        while (offset < MAX_ROWS) {
            List<T> page = provider.fetch(new Query<>(offset, Math.min(PAGE, MAX_ROWS - offset), List.of(), null, null)).toList();
            if (page.isEmpty()) {
                return true;
            }
            page.forEach(row);
            offset += page.size();
        }
        return provider.fetch(new Query<>(offset, 1, List.of(), null, null)).findAny().isEmpty();
    }

    private void writeCsv(List<String> headers, List<ValueProvider<T, ?>> values, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write('\uFEFF'); // so that a spreadsheet opens it as UTF-8
        w.write(csvLine(headers));
        boolean whole = forEachRow(r -> {
            try {
                w.write(csvLine(values.stream().map(v -> text(v.apply(r))).toList()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (!whole) {
            w.write(csvLine(List.of(getTranslation("grid.export.truncated", MAX_ROWS))));
        }
        w.flush();
    }

    static String csvLine(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String cell = guarded(cells.get(i));
            boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
            line.append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        return line.append("\r\n").toString();
    }

    /** A text a spreadsheet would take for a formula (=, @, + or - not starting a number) gets a leading apostrophe. */
    static String guarded(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean formula = first == '=' || first == '@' || first == '\t' || first == '\r'
                || ((first == '+' || first == '-') && (cell.length() == 1 || !Character.isDigit(cell.charAt(1))));
        return formula ? "'" + cell : cell;
    }

    private void writeXlsx(List<String> headers, List<ValueProvider<T, ?>> values, OutputStream out) throws IOException {
        SXSSFWorkbook book = new SXSSFWorkbook(PAGE);
        try {
            // the sheet is named as the file is ("journal", "arrears-2026-12-01"), within a sheet name's 31 characters
            SXSSFSheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(fileName));
            int[] next = {0};
            Row head = sheet.createRow(next[0]++);
            for (int c = 0; c < headers.size(); c++) {
                head.createCell(c).setCellValue(headers.get(c));
            }
            boolean whole = forEachRow(r -> {
                Row row = sheet.createRow(next[0]++);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c).apply(r);
                    if (v instanceof BigDecimal || v instanceof Integer || v instanceof Long) {
                        row.createCell(c).setCellValue(new BigDecimal(v.toString()).doubleValue());
                    } else {
                        row.createCell(c).setCellValue(text(v));
                    }
                }
            });
            if (!whole) {
                sheet.createRow(next[0]).createCell(0).setCellValue(getTranslation("grid.export.truncated", MAX_ROWS));
            }
            book.write(out);
        } finally {
            book.dispose();
            book.close();
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
