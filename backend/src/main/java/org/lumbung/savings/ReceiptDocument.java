package org.lumbung.savings;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import org.lumbung.platform.pdf.PdfFonts;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.jooq.DSLContext;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.platform.i18n.MoneyText;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The printed receipt of a savings transaction, as a PDF (A6, what a receipt printer or a phone shows),
 * in the member's language: cooperative, receipt number, member, account, amount, balance after, and the
 * journal entry's number and fingerprint as proof. Built with OpenPDF; text is set as text, never markup.
 */
@Service
@PreAuthorize("@access.may('SIGNED_IN')")
public class ReceiptDocument {

    private static final Font TITLE = PdfFonts.bold(12);
    private static final Font LABEL = PdfFonts.regular(8);
    private static final Font VALUE = PdfFonts.bold(9);
    private static final Font SMALL = PdfFonts.regular(6);

    private final DSLContext dsl;
    private final SavingsService savings;
    private final MemberService members;
    private final CooperativeService cooperatives;

    public ReceiptDocument(DSLContext dsl, SavingsService savings, MemberService members, CooperativeService cooperatives) {
        this.dsl = dsl;
        this.savings = savings;
        this.members = members;
        this.cooperatives = cooperatives;
    }

    /** The receipt as PDF bytes; another member's receipt, for a member, is not found. */
    public byte[] pdf(long cooperativeId, int receiptNumber) {
        SavingsTransaction t = savings.receipt(cooperativeId, receiptNumber);
        Member member = members.member(cooperativeId, t.memberId());
        Cooperative cooperative = cooperatives.byId(cooperativeId);
        Locale locale = Messages.forCode(member.locale());
        String[] proof = SavingsRows.entryProof(dsl, t.journalEntryId());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A6, 18, 18, 18, 18);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(text("receipt.title", locale) + " " + receiptNumber);
            document.addCreator("Lumbung");
            document.open();
            Paragraph heading = new Paragraph(cooperative.name(), TITLE);
            heading.setAlignment(Element.ALIGN_CENTER);
            document.add(heading);
            Paragraph place = new Paragraph(String.join(", ", nonNull(cooperative.village(), cooperative.district())), SMALL);
            place.setAlignment(Element.ALIGN_CENTER);
            document.add(place);
            Paragraph title = new Paragraph(text("receipt.title", locale), VALUE);
            title.setAlignment(Element.ALIGN_CENTER);
            title.setSpacingBefore(6);
            title.setSpacingAfter(6);
            document.add(title);
            DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
            PdfPTable table = new PdfPTable(new float[] {2, 3});
            table.setWidthPercentage(100);
            row(table, text("receipt.number", locale), "%06d".formatted(t.receiptNumber()));
            row(table, text("receipt.date", locale), dates.format(t.valueDate()));
            row(table, text("receipt.member", locale), member.displayNumber() + " — " + member.fullName());
            row(table, text("receipt.account", locale), t.accountNumber());
            row(table, text("receipt.kind", locale), text("receipt.kind." + t.kind().name(), locale));
            if (t.counterAccountNumber() != null) {
                row(table, text("receipt.transfer.to", locale), t.counterAccountNumber());
            }
            row(table, text("receipt.amount", locale), MoneyText.money(t.amount(), t.currency(), locale));
            row(table, text("receipt.balance", locale), MoneyText.money(savings.balanceAfter(cooperativeId, t), t.currency(), locale));
            if (t.note() != null) {
                row(table, text("receipt.note", locale), t.note());
            }
            row(table, text("receipt.recorded-by", locale), t.recordedBy());
            row(table, text("receipt.entry", locale), "#" + proof[0]);
            document.add(table);
            Paragraph fingerprint = new Paragraph(proof[1], SMALL);
            fingerprint.setSpacingBefore(4);
            document.add(fingerprint);
            PdfPTable signatures = new PdfPTable(2);
            signatures.setWidthPercentage(100);
            signatures.setSpacingBefore(24);
            signatures.addCell(signature(text("receipt.signature.member", locale)));
            signatures.addCell(signature(text("receipt.signature.treasurer", locale)));
            document.add(signatures);
            Paragraph footer = new Paragraph(text("receipt.footer", locale), SMALL);
            footer.setSpacingBefore(8);
            document.add(footer);
        } catch (DocumentException e) {
            throw new IllegalStateException("the receipt could not be laid out", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static void row(PdfPTable table, String label, String value) {
        PdfPCell l = new PdfPCell(new Phrase(label, LABEL));
        l.setBorder(0);
        PdfPCell v = new PdfPCell(new Phrase(value, VALUE));
        v.setBorder(0);
        table.addCell(l);
        table.addCell(v);
    }

    private static PdfPCell signature(String who) {
        PdfPCell cell = new PdfPCell(new Phrase("\n\n______________\n" + who, LABEL));
        cell.setBorder(0);
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        return cell;
    }

    private static String text(String key, Locale locale) {
        return Messages.get(key, locale);
    }

    private static String[] nonNull(String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toArray(String[]::new);
    }
}
