package org.lumbung.sales;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.JournalEntry;
import org.lumbung.ledger.LedgerService;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.DateText;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.platform.i18n.MoneyText;
import org.lumbung.platform.pdf.PdfFonts;
import org.lumbung.platform.pdf.PdfTables;
import org.lumbung.platform.pdf.PdfText;
import org.lumbung.platform.pdf.ReceiptLayout;
import org.lumbung.security.AccessPolicy;
import org.lumbung.security.UserAccount;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The numbered receipt of a sale or a return, as a PDF in the reader's language: on A6 (the platform's receipt
 * layout, one row per line) or 58 mm wide for a receipt printer. Both carry the journal entry's number and
 * fingerprint as proof. A member gets only her own receipts.
 */
@Service
@PreAuthorize("@access.may('SIGNED_IN')")
public class SaleReceipt {

    /** 58 mm in PDF points (1/72 inch), the paper of a small thermal receipt printer. */
    static final int NARROW_WIDTH_POINTS = 164;

    public enum Format { A6, NARROW_58MM }

    private static final PdfText SMALL = PdfFonts.regular(6.5f);
    private static final PdfText BOLD = PdfFonts.bold(7.5f);

    private final SaleRows rows;
    private final CooperativeService cooperatives;
    private final LedgerService ledger;
    private final AccessPolicy access;

    SaleReceipt(SaleRows rows, CooperativeService cooperatives, LedgerService ledger, AccessPolicy access) {
        this.rows = rows;
        this.cooperatives = cooperatives;
        this.ledger = ledger;
        this.access = access;
    }

    public byte[] pdf(long cooperativeId, long saleId, Format format, Locale locale) {
        Sale s = rows.sale(cooperativeId, saleId);
        boolean member = access.currentUser().map(UserAccount::isMember).orElse(false);
        if (member && s.memberId() == null) {
            throw DomainException.notFound("sales.sale.not-found", saleId);
        }
        if (s.memberId() != null) {
            access.requireMemberRecord(s.memberId());
        }
        Cooperative c = cooperatives.byId(cooperativeId);
        JournalEntry entry = ledger.entry(cooperativeId, s.journalEntryId());
        return format == Format.NARROW_58MM ? narrow(c, s, entry, locale) : a6(c, s, entry, locale);
    }

    private static byte[] a6(Cooperative c, Sale s, JournalEntry entry, Locale locale) {
        Map<String, String> facts = new LinkedHashMap<>(heading(c, s, entry, locale));
        for (Sale.Line l : s.lines()) {
            facts.put(l.productName().in(locale) + " " + quantity(l) + " × " + money(l.unitPrice(), c, locale), money(l.amount(), c, locale));
        }
        facts.putAll(totals(c, s, locale));
        return ReceiptLayout.pdf(new ReceiptLayout.Content(c.name(), ReceiptLayout.place(c.village(), c.district()),
                title(s, locale), facts, entry.hash(), List.of(text("sales.receipt.signature.customer", locale),
                text("sales.receipt.signature.cashier", locale)), text("sales.receipt.footer", locale)));
    }

    /** One narrow column: heading, each line as name then "qty × price   amount", totals, proof. */
    private static byte[] narrow(Cooperative c, Sale s, JournalEntry entry, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int height = 260 + 22 * s.lines().size();
        Document document = new Document(new Rectangle(NARROW_WIDTH_POINTS, height), 6, 6, 8, 8);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(title(s, locale));
            document.open();
            document.add(centred(c.name(), BOLD));
            document.add(centred(ReceiptLayout.place(c.village(), c.district()), SMALL));
            document.add(centred(title(s, locale), BOLD));
            document.add(table(heading(c, s, entry, locale)));
            for (Sale.Line l : s.lines()) {
                document.add(SMALL.paragraph(l.productName().in(locale)));
                document.add(table(Map.of(quantity(l) + " × " + money(l.unitPrice(), c, locale), money(l.amount(), c, locale))));
            }
            document.add(table(totals(c, s, locale)));
            document.add(SMALL.paragraph(entry.hash()));
            document.add(centred(text("sales.receipt.footer", locale), SMALL));
        } catch (DocumentException e) {
            throw new IllegalStateException("the receipt could not be laid out", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static Map<String, String> heading(Cooperative c, Sale s, JournalEntry entry, Locale locale) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put(text("sales.receipt.number", locale), s.receipt());
        rows.put(text("sales.receipt.date", locale), DateText.date(s.valueDate(), locale));
        rows.put(text("sales.receipt.customer", locale), s.memberName() == null ? text("sales.receipt.walk-in", locale) : s.memberName());
        rows.put(text("sales.receipt.entry", locale), "#" + entry.sequence());
        return rows;
    }

    private static Map<String, String> totals(Cooperative c, Sale s, Locale locale) {
        Map<String, String> rows = new LinkedHashMap<>();
        if (s.discount().signum() > 0) {
            rows.put(text("sales.receipt.discount", locale), money(s.discount().negate(), c, locale));
        }
        rows.put(text("sales.receipt.total", locale), money(s.total(), c, locale));
        rows.put(text("sales.receipt.payment", locale), text("sales.payment." + s.payment().name(), locale));
        return rows;
    }

    private static PdfPTable table(Map<String, String> rows) {
        PdfPTable t = PdfTables.facts();
        rows.forEach((label, value) -> PdfTables.row(t, SMALL, label, BOLD, value));
        return t;
    }

    private static Paragraph centred(String text, PdfText font) {
        Paragraph p = font.paragraph(text);
        p.setAlignment(Element.ALIGN_CENTER);
        return p;
    }

    private static String title(Sale s, Locale locale) {
        return text(s.kind() == Sale.Kind.SALE ? "sales.receipt.title" : "sales.receipt.title.return", locale);
    }

    private static String quantity(Sale.Line l) {
        return l.quantity().stripTrailingZeros().toPlainString() + " " + l.unit();
    }

    private static String money(BigDecimal amount, Cooperative c, Locale locale) {
        return MoneyText.money(amount, c.baseCurrency(), locale);
    }

    private static String text(String key, Locale locale) {
        return Messages.get(key, locale);
    }
}
