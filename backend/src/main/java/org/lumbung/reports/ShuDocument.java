package org.lumbung.reports;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.platform.i18n.MoneyText;
import org.lumbung.platform.pdf.PdfFonts;
import org.lumbung.platform.pdf.PdfText;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The list of a year's SHU distribution for the annual members' meeting (rapat anggota tahunan): the surplus, each
 * pool with its percentage, and every member's bases and shares with the totals, and the remainder rule in words.
 * PDF (A4 landscape, the receipts' fonts) and XLSX share the same rows as a {@link StatementTable}-like grid.
 */
public final class ShuDocument {

    private static final PdfText TITLE = PdfFonts.bold(13);
    private static final PdfText BOLD = PdfFonts.bold(8);
    private static final PdfText REGULAR = PdfFonts.regular(8);

    private ShuDocument() {
    }

    public static byte[] pdf(Cooperative c, ShuDistribution d, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(title(d, locale));
            document.addCreator("Lumbung");
            document.open();
            for (String line : List.of(c.name(), title(d, locale), Messages.get("shu.document.surplus", locale,
                    MoneyText.money(d.surplus(), d.currency(), locale)))) {
                Paragraph p = (line.equals(c.name()) ? TITLE : BOLD).paragraph(line);
                p.setAlignment(Element.ALIGN_CENTER);
                document.add(p);
            }
            document.add(table(poolRows(d, locale), new float[] {4, 1, 2}, d.currency(), locale));
            document.add(table(memberRows(d, locale), new float[] {1, 4, 2, 2, 2, 2, 2}, d.currency(), locale));
            Paragraph rule = REGULAR.paragraph(Messages.get("shu.document.rule", locale));
            rule.setSpacingBefore(8);
            document.add(rule);
        } catch (DocumentException e) {
            throw new IllegalStateException("the SHU list could not be laid out", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    public static byte[] xlsx(Cooperative c, ShuDistribution d, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(c.name()));
        rows.add(List.of(title(d, locale)));
        rows.add(List.of(Messages.get("shu.document.surplus", locale, ""), d.surplus()));
        rows.add(List.of());
        rows.addAll(poolRows(d, locale));
        rows.add(List.of());
        rows.addAll(memberRows(d, locale));
        return StatementDocuments.workbook(d.currency(), rows);
    }

    private static String title(ShuDistribution d, Locale locale) {
        return Messages.get("shu.document.title", locale, Integer.toString(d.year()));
    }

    /** A header row, then one row per pool: name, percentage, amount. */
    private static List<List<Object>> poolRows(ShuDistribution d, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(text("shu.pool", locale), "%", text("shu.amount", locale)));
        for (ShuPool pool : ShuPool.values()) {
            rows.add(List.of(text("shu.pool." + pool.key(), locale), d.split().percent(pool).stripTrailingZeros().toPlainString(),
                    d.pools().get(pool)));
        }
        return rows;
    }

    /** A header row, one row per member, and the totals. */
    private static List<List<Object>> memberRows(ShuDistribution d, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(text("shu.member-number", locale), text("shu.member", locale), text("shu.capital-base.column", locale),
                text("shu.patronage-base", locale), text("shu.jasa-modal", locale), text("shu.jasa-usaha", locale),
                text("shu.total", locale)));
        for (MemberShare s : d.shares()) {
            rows.add(List.of(Integer.toString(s.memberNumber()), s.fullName(), s.capitalBase(), s.patronageBase(),
                    s.jasaModal(), s.jasaUsaha(), s.total()));
        }
        ShuDistribution.Totals t = d.totals();
        rows.add(List.of("", text("shu.total", locale), t.capitalBase(), t.patronageBase(), t.jasaModal(), t.jasaUsaha(),
                t.jasaModal().add(t.jasaUsaha())));
        return rows;
    }

    private static PdfPTable table(List<List<Object>> rows, float[] widths, String currency, Locale locale) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(10);
        table.setHeaderRows(1);
        for (int i = 0; i < rows.size(); i++) {
            PdfText font = i == 0 || i == rows.size() - 1 ? BOLD : REGULAR;
            for (Object value : rows.get(i)) {
                boolean amount = value instanceof BigDecimal;
                table.addCell(StatementDocuments.cell(amount ? MoneyText.amount((BigDecimal) value, currency, locale) : value.toString(),
                        font, amount ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT));
            }
        }
        return table;
    }

    private static String text(String key, Locale locale) {
        return Messages.get(key, locale);
    }
}
