package org.lumbung.ui.components;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.lumbung.savings.ReceiptDocument;

import java.io.ByteArrayInputStream;

/**
 * A download link for a receipt as PDF ("receipt-123.pdf"). The PDF is made when the link is followed,
 * by {@link ReceiptDocument}, which refuses a member another member's receipt.
 */
public class ReceiptLink extends Anchor {

    public ReceiptLink(ReceiptDocument receipts, long cooperativeId, int receiptNumber, String text) {
        String fileName = "receipt-" + receiptNumber + ".pdf";
        setHref(DownloadHandler.fromInputStream(event -> {
            byte[] pdf = receipts.pdf(cooperativeId, receiptNumber);
            return new DownloadResponse(new ByteArrayInputStream(pdf), fileName, "application/pdf", pdf.length);
        }));
        setText(text);
        setId("receipt-" + receiptNumber);
        getElement().setAttribute("download", fileName);
        getElement().setAttribute("aria-label", text + " " + receiptNumber);
        setTarget("_blank");
        Icon download = VaadinIcon.DOWNLOAD_ALT.create();
        download.setSize("var(--lumo-icon-size-s)");
        getElement().insertChild(0, download.getElement());
    }
}
