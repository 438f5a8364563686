package org.lumbung.reports;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.jspecify.annotations.Nullable;
import org.lumbung.platform.i18n.DateText;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.platform.i18n.MoneyText;
import org.lumbung.platform.pdf.PdfFonts;
import org.lumbung.platform.pdf.PdfText;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.Locale;

/** A member's statement as an A4 PDF in her language, with the receipts' embedded fonts. */
final class MemberStatementDocument {

    private static final PdfText TITLE = PdfFonts.bold(14);
    private static final PdfText BOLD = PdfFonts.bold(9);
    private static final PdfText REGULAR = PdfFonts.regular(9);

    private MemberStatementDocument() {
    }

    static byte[] pdf(MemberStatement s) {
        Locale locale = s.locale();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(Messages.get("member-statement.title", locale));
            document.addCreator("Lumbung");
            document.open();
            Paragraph head = TITLE.paragraph(s.cooperative());
            head.setAlignment(Element.ALIGN_CENTER);
            document.add(head);
            document.add(BOLD.paragraph(Messages.get("member-statement.title", locale)));
            document.add(REGULAR.paragraph(Messages.get("member-statement.member", locale, s.memberName(), "%05d".formatted(s.memberNumber()))));
            document.add(REGULAR.paragraph(DateText.date(s.from(), locale) + " – " + DateText.date(s.to(), locale)));
            if (s.sections().isEmpty()) {
                document.add(REGULAR.paragraph(Messages.get("member-statement.nothing", locale)));
            }
            for (MemberStatement.Section section : s.sections()) {
                Paragraph title = BOLD.paragraph(section.title() + " (" + section.currency() + ")");
                title.setSpacingBefore(12);
                document.add(title);
                document.add(table(section, locale));
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("the member statement could not be laid out", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static PdfPTable table(MemberStatement.Section section, Locale locale) {
        PdfPTable table = new PdfPTable(new float[] {2, 5, 2, 2, 2});
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setHeaderRows(1);
        for (String key : new String[] {"member-statement.date", "member-statement.description", "member-statement.in",
                "member-statement.out", "member-statement.balance"}) {
            table.addCell(StatementDocuments.cell(Messages.get(key, locale), BOLD, key.endsWith("description") || key.endsWith("date")
                    ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT));
        }
        if (section.opening() != null) {
            row(table, "", Messages.get("member-statement.opening", locale), null, null, section.opening(), section.currency(), locale);
        }
        for (MemberStatement.Line l : section.lines()) {
            row(table, DateText.date(l.date(), locale), l.description(), l.in(), l.out(), l.balance(), section.currency(), locale);
        }
        if (section.closing() != null) {
            row(table, "", Messages.get("member-statement.closing", locale), null, null, section.closing(), section.currency(), locale);
        }
        return table;
    }

    private static void row(PdfPTable table, String date, String text, @Nullable BigDecimal in, @Nullable BigDecimal out,
                            @Nullable BigDecimal balance, String currency, Locale locale) {
        table.addCell(StatementDocuments.cell(date, REGULAR, Element.ALIGN_LEFT));
        table.addCell(StatementDocuments.cell(text, REGULAR, Element.ALIGN_LEFT));
        for (BigDecimal v : new BigDecimal[] {in, out, balance}) {
            table.addCell(StatementDocuments.cell(v == null || (v != balance && v.signum() == 0) ? "" : MoneyText.amount(v, currency, locale),
                    REGULAR, Element.ALIGN_RIGHT));
        }
    }
}
