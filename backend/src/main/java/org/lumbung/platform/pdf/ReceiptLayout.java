package org.lumbung.platform.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The layout of every printed receipt (savings, loans, remittances, the shop): A6, what a receipt printer or a
 * phone shows; the cooperative and its place, the title, a table of label and value, the journal entry's
 * fingerprint as proof, two signature lines and a footer. Text is set as text, never markup.
 */
public final class ReceiptLayout {

    private static final PdfText TITLE = PdfFonts.bold(12);
    private static final PdfText LABEL = PdfFonts.regular(8);
    private static final PdfText VALUE = PdfFonts.bold(9);
    private static final PdfText SMALL = PdfFonts.regular(6);

    private ReceiptLayout() {
    }

    /**
     * What a receipt says. {@code rows} keep their order (label → value); {@code signatures} are the two
     * people who sign (member, treasurer).
     */
    public record Content(String cooperative, String place, String title, Map<String, String> rows, String fingerprint,
                          List<String> signatures, String footer) {
    }

    public static byte[] pdf(Content c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A6, 18, 18, 18, 18);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(c.title());
            document.addCreator("Lumbung");
            document.open();
            document.add(centred(c.cooperative(), TITLE, 0));
            document.add(centred(c.place(), SMALL, 0));
            document.add(centred(c.title(), VALUE, 6));
            PdfPTable table = PdfTables.facts();
            c.rows().forEach((label, value) -> PdfTables.row(table, LABEL, label, VALUE, value));
            document.add(table);
            Paragraph fingerprint = SMALL.paragraph(c.fingerprint());
            fingerprint.setSpacingBefore(4);
            document.add(fingerprint);
            PdfPTable signatures = new PdfPTable(c.signatures().size());
            signatures.setWidthPercentage(100);
            signatures.setSpacingBefore(24);
            c.signatures().forEach(who -> signatures.addCell(signature(who)));
            document.add(signatures);
            Paragraph footer = SMALL.paragraph(c.footer());
            footer.setSpacingBefore(8);
            document.add(footer);
        } catch (DocumentException e) {
            throw new IllegalStateException("the receipt could not be laid out", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static Paragraph centred(String text, PdfText font, float spacing) {
        Paragraph p = font.paragraph(text);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingBefore(spacing);
        p.setSpacingAfter(spacing);
        return p;
    }

    /** A cooperative's village and district, as a receipt's heading names its place. */
    public static String place(@Nullable String village, @Nullable String district) {
        return String.join(", ", Arrays.stream(new String[] {village, district})
                .filter(p -> p != null && !p.isBlank()).toArray(String[]::new));
    }

    private static PdfPCell signature(String who) {
        PdfPCell cell = new PdfPCell(LABEL.phrase("\n\n______________\n" + who));
        cell.setBorder(0);
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        return cell;
    }
}
