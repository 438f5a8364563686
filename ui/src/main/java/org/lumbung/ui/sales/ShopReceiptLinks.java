package org.lumbung.ui.sales;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.lumbung.sales.Sale;
import org.lumbung.sales.SaleReceipt;

import java.io.ByteArrayInputStream;
import java.util.Locale;

/** The two receipt downloads of a sale or a return: A6 and 58 mm (the counter, the history, the member's phone). */
public final class ShopReceiptLinks {

    private ShopReceiptLinks() {
    }

    /** "Receipt" (A6) and "58 mm", each a PDF made when followed, by the service that checks who may read it. */
    public static HorizontalLayout of(SaleReceipt receipts, long cooperativeId, Sale s, Locale locale) {
        HorizontalLayout links = new HorizontalLayout(link(receipts, cooperativeId, s, SaleReceipt.Format.A6, locale, "shop.ui.receipt"),
                link(receipts, cooperativeId, s, SaleReceipt.Format.NARROW_58MM, locale, "shop.ui.receipt-58"));
        links.setSpacing(true);
        return links;
    }

    private static Anchor link(SaleReceipt receipts, long cooperativeId, Sale s, SaleReceipt.Format format, Locale locale, String key) {
        String fileName = s.receipt() + (format == SaleReceipt.Format.A6 ? "" : "-58mm") + ".pdf";
        Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] pdf = receipts.pdf(cooperativeId, s.id(), format, locale);
            return new DownloadResponse(new ByteArrayInputStream(pdf), fileName, "application/pdf", pdf.length);
        }), "");
        a.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span(a.getTranslation(key)));
        a.setId((format == SaleReceipt.Format.A6 ? "receipt-" : "receipt-58-") + s.receipt());
        a.getElement().setAttribute("download", fileName);
        a.setTarget("_blank");
        return a;
    }
}
