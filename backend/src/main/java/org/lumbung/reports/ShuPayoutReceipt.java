package org.lumbung.reports;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfWriter;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.i18n.DateText;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.platform.i18n.MoneyText;
import org.lumbung.platform.pdf.PdfFonts;
import org.lumbung.platform.pdf.PdfText;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/** The receipt of a member's SHU share paid out of the payable, A6, in the member's language. */
final class ShuPayoutReceipt {

    private static final PdfText TITLE = PdfFonts.bold(12);
    private static final PdfText BOLD = PdfFonts.bold(10);
    private static final PdfText REGULAR = PdfFonts.regular(9);

    private ShuPayoutReceipt() {
    }

    static byte[] pdf(Cooperative c, MemberShare share, ShuPayouts.Payout p, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(new Rectangle(PageSize.A6.getHeight(), PageSize.A6.getWidth()), 24, 24, 24, 24);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(Messages.get("shu.payout.receipt.title", locale, p.year()));
            document.addCreator("Lumbung");
            document.open();
            Paragraph head = TITLE.paragraph(c.name());
            head.setAlignment(Element.ALIGN_CENTER);
            document.add(head);
            document.add(BOLD.paragraph(Messages.get("shu.payout.receipt.title", locale, p.year())));
            document.add(REGULAR.paragraph(Messages.get("shu.payout.receipt.number", locale, p.receiptNumber(),
                    DateText.date(p.paidOn(), locale))));
            document.add(REGULAR.paragraph(Messages.get("shu.payout.receipt.member", locale, share.fullName(),
                    "%05d".formatted(share.memberNumber()))));
            document.add(REGULAR.paragraph(Messages.get("shu.payout.receipt.parts", locale,
                    MoneyText.money(share.jasaModal(), c.baseCurrency(), locale), MoneyText.money(share.jasaUsaha(), c.baseCurrency(), locale))));
            Paragraph amount = BOLD.paragraph(Messages.get("shu.payout.receipt.amount", locale, MoneyText.money(p.amount(), c.baseCurrency(), locale)));
            amount.setSpacingBefore(6);
            document.add(amount);
            document.add(REGULAR.paragraph(Messages.get("shu.payout.receipt.destination." + p.destination().name(), locale)));
            document.add(REGULAR.paragraph(Messages.get("shu.payout.receipt.paid-by", locale, p.paidBy())));
        } catch (DocumentException e) {
            throw new IllegalStateException("the SHU payout receipt could not be laid out", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }
}
