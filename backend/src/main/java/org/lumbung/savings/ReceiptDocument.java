package org.lumbung.savings;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import org.jspecify.annotations.Nullable;
import org.lumbung.platform.pdf.PdfFonts;
import org.lumbung.platform.pdf.PdfTables;
import org.lumbung.platform.pdf.PdfText;
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
import org.lumbung.security.UserService;
import org.lumbung.platform.i18n.DateText;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.platform.i18n.MoneyText;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * The printed receipt of a savings transaction, as a PDF (A6, what a receipt printer or a phone shows),
 * in the member's language: cooperative, receipt number, member, account, amount, balance after, and the
 * journal entry's number and fingerprint as proof. Built with OpenPDF; text is set as text, never markup.
 */
@Service
@PreAuthorize("@access.may('SIGNED_IN')")
public class ReceiptDocument {

    private static final PdfText TITLE = PdfFonts.bold(12);
    private static final PdfText LABEL = PdfFonts.regular(8);
    private static final PdfText VALUE = PdfFonts.bold(9);
    private static final PdfText SMALL = PdfFonts.regular(6);

    private final DSLContext dsl;
    private final SavingsService savings;
    private final MemberService members;
    private final CooperativeService cooperatives;
    private final UserService users;

    public ReceiptDocument(DSLContext dsl, SavingsService savings, MemberService members, CooperativeService cooperatives,
                           UserService users) {
        this.users = users;
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
            Paragraph heading = TITLE.paragraph(cooperative.name());
            heading.setAlignment(Element.ALIGN_CENTER);
            document.add(heading);
            Paragraph place = SMALL.paragraph(String.join(", ", nonNull(cooperative.village(), cooperative.district())));
            place.setAlignment(Element.ALIGN_CENTER);
            document.add(place);
            Paragraph title = VALUE.paragraph(text("receipt.title", locale));
            title.setAlignment(Element.ALIGN_CENTER);
            title.setSpacingBefore(6);
            title.setSpacingAfter(6);
            document.add(title);
            PdfPTable table = PdfTables.facts();
            row(table, text("receipt.number", locale), "%06d".formatted(t.receiptNumber()));
            row(table, text("receipt.date", locale), DateText.date(t.valueDate(), locale));
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
            row(table, text("receipt.recorded-by", locale), users.displayName(t.recordedBy()));
            row(table, text("receipt.entry", locale), "#" + proof[0]);
            document.add(table);
            Paragraph fingerprint = SMALL.paragraph(proof[1]);
            fingerprint.setSpacingBefore(4);
            document.add(fingerprint);
            PdfPTable signatures = new PdfPTable(2);
            signatures.setWidthPercentage(100);
            signatures.setSpacingBefore(24);
            signatures.addCell(signature(text("receipt.signature.member", locale)));
            signatures.addCell(signature(text("receipt.signature.treasurer", locale)));
            document.add(signatures);
            Paragraph footer = SMALL.paragraph(text("receipt.footer", locale));
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
        PdfTables.row(table, LABEL, label, VALUE, value);
    }

    private static PdfPCell signature(String who) {
        PdfPCell cell = new PdfPCell(LABEL.phrase("\n\n______________\n" + who));
        cell.setBorder(0);
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        return cell;
    }

    private static String text(String key, Locale locale) {
        return Messages.get(key, locale);
    }

    private static String[] nonNull(@Nullable String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toArray(String[]::new);
    }
}
