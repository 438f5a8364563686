package org.lumbung.reports;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.platform.i18n.MoneyText;
import org.lumbung.platform.money.Amounts;
import org.lumbung.platform.pdf.PdfFonts;
import org.lumbung.platform.pdf.PdfText;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link StatementTable} as a PDF (A4, the receipts' embedded fonts) or as an XLSX workbook (one sheet, amounts as
 * numbers with the currency's decimals, so a spreadsheet can add them up).
 */
public final class StatementDocuments {

    private static final PdfText TITLE = PdfFonts.bold(14);
    private static final PdfText BOLD = PdfFonts.bold(9);
    private static final PdfText REGULAR = PdfFonts.regular(9);
    private static final PdfText SMALL = PdfFonts.regular(8);

    private StatementDocuments() {
    }

    public static byte[] pdf(StatementTable t, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(t.title() + " " + t.period());
            document.addCreator("Lumbung");
            document.open();
            for (String heading : new String[] {t.cooperative(), t.title(), t.period()}) {
                Paragraph p = (heading.equals(t.cooperative()) ? TITLE : BOLD).paragraph(heading);
                p.setAlignment(Element.ALIGN_CENTER);
                document.add(p);
            }
            document.add(pdfTable(t, locale));
            Paragraph footer = SMALL.paragraph(Messages.get("statement.footer", locale, t.currency()));
            footer.setSpacingBefore(12);
            document.add(footer);
        } catch (DocumentException e) {
            throw new IllegalStateException("the statement could not be laid out", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static PdfPTable pdfTable(StatementTable t, Locale locale) {
        PdfPTable table = new PdfPTable(new float[] {5, 2, 2});
        table.setWidthPercentage(100);
        table.setSpacingBefore(12);
        table.setHeaderRows(1);
        table.addCell(cell(Messages.get("statement.account", locale), BOLD, Element.ALIGN_LEFT));
        table.addCell(cell(t.current(), BOLD, Element.ALIGN_RIGHT));
        table.addCell(cell(t.previous(), BOLD, Element.ALIGN_RIGHT));
        for (StatementTable.Row r : t.rows()) {
            PdfText font = r.kind() == StatementTable.Kind.LINE ? REGULAR : BOLD;
            table.addCell(cell(r.kind() == StatementTable.Kind.LINE ? "    " + r.label() : r.label(), font, Element.ALIGN_LEFT));
            table.addCell(cell(money(r.amount(), t.currency(), locale), font, Element.ALIGN_RIGHT));
            table.addCell(cell(money(r.previous(), t.currency(), locale), font, Element.ALIGN_RIGHT));
        }
        return table;
    }

    private static String money(@Nullable BigDecimal amount, String currency, Locale locale) {
        return amount == null ? "" : MoneyText.amount(amount, currency, locale);
    }

    static PdfPCell cell(String text, PdfText font, int alignment) {
        PdfPCell c = new PdfPCell(font.phrase(text));
        c.setHorizontalAlignment(alignment);
        c.setBorder(0);
        c.setPadding(3);
        return c;
    }

    public static byte[] xlsx(StatementTable t, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(t.cooperative()));
        rows.add(List.of(t.title() + " — " + t.period() + " — " + t.currency()));
        rows.add(List.of());
        rows.add(List.of(Messages.get("statement.account", locale), t.current(), t.previous()));
        for (StatementTable.Row r : t.rows()) {
            List<Object> row = new ArrayList<>(List.of(r.label()));
            if (r.amount() != null) {
                row.add(r.amount());
                row.add(r.previous());
            }
            rows.add(row);
        }
        return workbook(t.currency(), rows);
    }

    /**
     * One sheet of rows: texts as text, amounts as numbers shown with the currency's decimals, so that a spreadsheet
     * adds them up. A spreadsheet number is a double: exact for the amounts Lumbung holds (at most 15 significant
     * digits in practice); the exact figures are the PDF's and the API's.
     */
    static byte[] workbook(String currency, List<List<Object>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(currency);
            CellStyle number = book.createCellStyle();
            int decimals = Amounts.minorUnits(currency);
            number.setDataFormat(book.createDataFormat().getFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals)));
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    Cell cell = row.createCell(c);
                    if (value instanceof BigDecimal amount) {
                        cell.setCellValue(amount.doubleValue());
                        cell.setCellStyle(number);
                    } else {
                        cell.setCellValue(String.valueOf(value));
                    }
                }
            }
            sheet.setColumnWidth(0, 50 * 256);
            for (int c = 1; c < 7; c++) {
                sheet.setColumnWidth(c, 20 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
