package org.lumbung.ledger;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
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
import org.jooq.impl.DSL;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.platform.i18n.DateText;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.platform.i18n.MoneyText;
import org.lumbung.security.UserService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Objects;

import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;
import static org.lumbung.db.jooq.Tables.JOURNAL_LINE;

/**
 * The closing report of a closed month, as a PDF (A4) in the reader's language: the period, who closed it
 * and when, the month's turnover per currency, and the chain head at closing — the (sequence,
 * fingerprint) an auditor keeps outside the system and checks later on the Chain verification screen.
 * Built with OpenPDF and the fonts of the savings receipts; text is set as text, never markup.
 */
@Service
@PreAuthorize("@access.may('READ_LEDGER')")
public class ClosingReport {

    private static final PdfText TITLE = PdfFonts.bold(14);
    private static final PdfText LABEL = PdfFonts.regular(9);
    private static final PdfText VALUE = PdfFonts.bold(10);
    private static final PdfText MONO = PdfFonts.monospaced(10);
    private static final PdfText SMALL = PdfFonts.regular(8);

    private final DSLContext dsl;
    private final PeriodService periods;
    private final CooperativeService cooperatives;
    private final UserService users;

    public ClosingReport(DSLContext dsl, PeriodService periods, CooperativeService cooperatives, UserService users) {
        this.users = users;
        this.dsl = dsl;
        this.periods = periods;
        this.cooperatives = cooperatives;
    }

    /** The report of a closed month as PDF bytes; not found while the month is open. */
    public byte[] pdf(long cooperativeId, YearMonth month, Locale locale) {
        Period period = periods.closed(cooperativeId, month);
        Cooperative cooperative = cooperatives.byId(cooperativeId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(text("closing.title", locale) + " " + month);
            document.addCreator("Lumbung");
            document.open();
            heading(document, cooperative, month, locale);
            PdfPTable facts = PdfTables.facts();
            // a closed month has who closed it and the chain head then (not null in accounting_period)
            row(facts, text("closing.closed-by", locale), users.displayName(Objects.requireNonNull(period.closedBy())));
            row(facts, text("closing.closed-at", locale), DateText.dateTime(period.closedAt(), cooperative.zone(), locale));
            row(facts, text("closing.entries", locale), Long.toString(entriesOf(cooperativeId, month)));
            document.add(facts);
            document.add(turnover(cooperativeId, month, locale));
            chainHead(document, period, locale);
        } catch (DocumentException e) {
            throw new IllegalStateException("the closing report could not be laid out", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static void heading(Document document, Cooperative cooperative, YearMonth month, Locale locale) {
        Paragraph name = TITLE.paragraph(cooperative.name());
        name.setAlignment(Element.ALIGN_CENTER);
        document.add(name);
        Paragraph title = VALUE.paragraph(text("closing.title", locale) + " — " + text("closing.period", locale) + " "
                + DateText.month(month, locale));
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingBefore(6);
        title.setSpacingAfter(12);
        document.add(title);
    }

    private long entriesOf(long cooperativeId, YearMonth month) {
        return dsl.fetchCount(JOURNAL_ENTRY, JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId)
                .and(JOURNAL_ENTRY.VALUE_DATE.between(month.atDay(1), month.atEndOfMonth())));
    }

    /** Debits and credits of the month's lines per currency (equal in a sound ledger). */
    private PdfPTable turnover(long cooperativeId, YearMonth month, Locale locale) {
        PdfPTable table = new PdfPTable(new float[] {1, 2, 2});
        table.setWidthPercentage(100);
        table.setSpacingBefore(12);
        PdfPCell caption = new PdfPCell(VALUE.phrase(text("closing.totals", locale)));
        caption.setColspan(3);
        caption.setBorder(0);
        table.addCell(caption);
        for (String header : new String[] {"closing.currency", "closing.debits", "closing.credits"}) {
            table.addCell(cell(text(header, locale), LABEL));
        }
        var debit = DSL.coalesce(DSL.sum(DSL.when(JOURNAL_LINE.SIDE.eq("D"), JOURNAL_LINE.AMOUNT)), BigDecimal.ZERO);
        var credit = DSL.coalesce(DSL.sum(DSL.when(JOURNAL_LINE.SIDE.eq("C"), JOURNAL_LINE.AMOUNT)), BigDecimal.ZERO);
        dsl.select(JOURNAL_LINE.CURRENCY, debit, credit).from(JOURNAL_LINE)
                .where(JOURNAL_LINE.COOPERATIVE_ID.eq(cooperativeId)
                        .and(JOURNAL_LINE.VALUE_DATE.between(month.atDay(1), month.atEndOfMonth())))
                .groupBy(JOURNAL_LINE.CURRENCY).orderBy(JOURNAL_LINE.CURRENCY)
                .forEach(r -> {
                    table.addCell(cell(r.value1(), VALUE));
                    table.addCell(cell(MoneyText.money(r.value2(), r.value1(), locale), VALUE));
                    table.addCell(cell(MoneyText.money(r.value3(), r.value1(), locale), VALUE));
                });
        return table;
    }

    private static void chainHead(Document document, Period period, Locale locale) {
        Paragraph head = VALUE.paragraph(text("closing.head", locale));
        head.setSpacingBefore(18);
        document.add(head);
        document.add(LABEL.paragraph(text("closing.head.sequence", locale,
                Long.toString(Objects.requireNonNull(period.headSequence())))));
        Paragraph fingerprint = MONO.paragraph(Objects.requireNonNull(period.headFingerprint()));
        fingerprint.setSpacingBefore(4);
        document.add(fingerprint);
        Paragraph footer = SMALL.paragraph(text("closing.footer", locale));
        footer.setSpacingBefore(18);
        document.add(footer);
    }

    private static void row(PdfPTable table, String label, String value) {
        PdfTables.row(table, LABEL, label, VALUE, value);
    }

    private static PdfPCell cell(String value, PdfText font) {
        PdfPCell c = new PdfPCell(font.phrase(value));
        c.setPadding(4);
        return c;
    }

    private static String text(String key, Locale locale, Object... arguments) {
        return Messages.get(key, locale, arguments);
    }
}
