package org.lumbung.savings;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.lumbung.platform.DomainException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Spreadsheets into rows of named cells: CSV (comma or semicolon, UTF-8, as LibreOffice and Excel save
 * it) with Apache Commons CSV, XLSX (first sheet) with Apache POI. Header names are matched without
 * regard to case or spaces ("Full name" = full_name).
 */
final class ImportFiles {

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d/M/uuuu"), DateTimeFormatter.ofPattern("d-M-uuuu"), DateTimeFormatter.ofPattern("d.M.uuuu"));

    private ImportFiles() {
    }

    static List<Map<String, String>> read(String fileName, byte[] content, int maxRows) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return xlsx(content, maxRows);
        }
        DomainException.require(name.endsWith(".csv") || name.endsWith(".txt"), "import.file.type", String.valueOf(fileName));
        return csv(content, maxRows);
    }

    /** ISO dates (2024-03-02) and the day-first dates of Indonesian spreadsheets (02/03/2024). */
    static Optional<LocalDate> date(String value) {
        for (DateTimeFormatter format : DATES) {
            try {
                return Optional.of(LocalDate.parse(value.strip(), format));
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    private static List<Map<String, String>> csv(byte[] content, int maxRows) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.chars().filter(c -> c == ';').count() >= firstLine.chars().filter(c -> c == ',').count() ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader reader = new StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = null;
            for (CSVRecord record : parser) {
                if (header == null) {
                    header = record.stream().map(ImportFiles::column).toList();
                    continue;
                }
                DomainException.require(rows.size() < maxRows, "import.file.too-many-rows", maxRows);
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    cells.put(header.get(i), record.get(i));
                }
                rows.add(cells);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw DomainException.invalid("import.file.unreadable", String.valueOf(e.getMessage()));
        }
        return rows;
    }

    private static List<Map<String, String>> xlsx(byte[] content, int maxRows) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        List<Map<String, String>> rows = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> header = null;
            for (Row row : sheet) {
                if (header == null) {
                    header = new ArrayList<>();
                    for (int i = 0; i < row.getLastCellNum(); i++) {
                        Cell cell = row.getCell(i);
                        header.add(cell == null ? "" : column(formatter.formatCellValue(cell)));
                    }
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                boolean empty = true;
                for (int i = 0; i < header.size(); i++) {
                    String value = cell(row.getCell(i), formatter);
                    empty &= value.isBlank();
                    cells.put(header.get(i), value);
                }
                if (!empty) {
                    DomainException.require(rows.size() < maxRows, "import.file.too-many-rows", maxRows);
                    rows.add(cells);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw DomainException.invalid("import.file.unreadable", String.valueOf(e.getMessage()));
        }
        return rows;
    }

    /** Dates as ISO text, numbers without grouping, text as typed. */
    private static String cell(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate().toString();
            }
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        return formatter.formatCellValue(cell);
    }

    private static String column(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }
}
