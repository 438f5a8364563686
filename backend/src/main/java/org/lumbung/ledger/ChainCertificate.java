package org.lumbung.ledger;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.platform.i18n.DateText;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.platform.pdf.PdfFonts;
import org.lumbung.platform.pdf.PdfTables;
import org.lumbung.platform.pdf.PdfText;
import org.lumbung.security.CurrentActor;
import org.lumbung.security.UserService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The one-page certificate of a chain verification (A4) that a district office files: the cooperative, when
 * it was verified and by whom (the signed-in person, from the security context), the verdict, the entries
 * covered (1..N, the last one sealed when), and the head fingerprint. Whoever holds the page can later enter
 * the sequence and fingerprint on the Chain verification screen to check that history was only appended to.
 * The chain is verified anew for the certificate, so it never states more than the ledger shows at printing.
 */
@Service
@PreAuthorize("@access.may('READ_LEDGER')")
public class ChainCertificate {

    private static final PdfText TITLE = PdfFonts.bold(16);
    private static final PdfText HEADING = PdfFonts.bold(12);
    private static final PdfText LABEL = PdfFonts.regular(10);
    private static final PdfText VALUE = PdfFonts.bold(11);
    private static final PdfText MONO = PdfFonts.monospaced(11);
    private static final PdfText SMALL = PdfFonts.regular(9);

    private final ChainVerifier verifier;
    private final CooperativeService cooperatives;
    private final UserService users;
    private final Clock clock;

    public ChainCertificate(ChainVerifier verifier, CooperativeService cooperatives, UserService users, Clock clock) {
        this.verifier = verifier;
        this.cooperatives = cooperatives;
        this.users = users;
        this.clock = clock;
    }

    /** A certificate of the chain as it verifies now, in the reader's language, as PDF bytes. */
    public byte[] pdf(long cooperativeId, Locale locale) {
        Cooperative cooperative = cooperatives.byId(cooperativeId);
        String verifiedBy = users.displayName(CurrentActor.name());
        ChainVerification v = verifier.verify(cooperativeId);
        Instant verifiedAt = Instant.now(clock);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(text("certificate.title", locale) + " — " + cooperative.name());
            document.addCreator("Lumbung");
            document.open();
            heading(document, cooperative, locale);
            PdfPTable facts = PdfTables.facts();
            row(facts, text("certificate.cooperative", locale), cooperative.name() + " (" + cooperative.code() + ")");
            row(facts, text("certificate.verified-at", locale), DateText.dateTime(verifiedAt, cooperative.zone(), locale));
            row(facts, text("certificate.verified-by", locale), verifiedBy);
            row(facts, text("certificate.result", locale), text(v.ok() ? "certificate.result.ok" : "certificate.result.broken", locale));
            row(facts, text("certificate.entries", locale), text("certificate.entries.range", locale, Long.toString(v.entriesChecked())));
            row(facts, text("certificate.sealed-at", locale),
                    DateText.dateTime(verifier.sealedAt(cooperativeId, v.entriesChecked()), cooperative.zone(), locale));
            if (!v.ok()) {
                // a chain that is not ok says why
                row(facts, text("certificate.problem", locale), Objects.requireNonNull(v.problem(locale)));
            }
            document.add(facts);
            fingerprint(document, v, locale);
            signatures(document, verifiedBy, locale);
        } catch (DocumentException e) {
            throw new IllegalStateException("the chain certificate could not be laid out", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static void heading(Document document, Cooperative cooperative, Locale locale) {
        Paragraph name = TITLE.paragraph(cooperative.name());
        name.setAlignment(Element.ALIGN_CENTER);
        document.add(name);
        String place = String.join(", ", Stream.of(cooperative.village(), cooperative.district(), cooperative.province())
                .filter(p -> p != null && !p.isBlank()).toList());
        Paragraph where = SMALL.paragraph(place);
        where.setAlignment(Element.ALIGN_CENTER);
        document.add(where);
        Paragraph title = HEADING.paragraph(text("certificate.title", locale));
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingBefore(12);
        title.setSpacingAfter(18);
        document.add(title);
    }

    private static void fingerprint(Document document, ChainVerification v, Locale locale) {
        Paragraph caption = VALUE.paragraph(text("certificate.fingerprint", locale, Long.toString(v.entriesChecked())));
        caption.setSpacingBefore(18);
        document.add(caption);
        Paragraph fingerprint = MONO.paragraph(v.headFingerprint());
        fingerprint.setSpacingBefore(6);
        document.add(fingerprint);
        Paragraph how = SMALL.paragraph(text("certificate.how", locale));
        how.setSpacingBefore(12);
        document.add(how);
    }

    private static void signatures(Document document, String verifiedBy, Locale locale) {
        PdfPTable signatures = new PdfPTable(2);
        signatures.setWidthPercentage(100);
        signatures.setSpacingBefore(48);
        signatures.addCell(signature(text("certificate.signature.verifier", locale) + "\n" + verifiedBy));
        signatures.addCell(signature(text("certificate.signature.office", locale)));
        document.add(signatures);
    }

    private static PdfPCell signature(String who) {
        PdfPCell cell = new PdfPCell(LABEL.phrase("\n\n\n____________________\n" + who));
        cell.setBorder(0);
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        return cell;
    }

    private static void row(PdfPTable table, String label, String value) {
        PdfTables.row(table, LABEL, label, VALUE, value);
    }

    private static String text(String key, Locale locale, Object... arguments) {
        return Messages.get(key, locale, arguments);
    }
}
