package org.lumbung.ui.remittance;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.lumbung.remittance.Remittance;
import org.lumbung.remittance.RemittanceReceipt;

import java.io.ByteArrayInputStream;

/** A download link for a remittance receipt as PDF, made when the link is followed (the service checks who may). */
class RemittanceReceiptLink extends Anchor {

    RemittanceReceiptLink(RemittanceReceipt receipts, Remittance r, String text) {
        String fileName = "remittance-" + r.receiptNumber() + ".pdf";
        setHref(DownloadHandler.fromInputStream(event -> {
            byte[] pdf = receipts.pdf(r.cooperativeId(), r.id());
            return new DownloadResponse(new ByteArrayInputStream(pdf), fileName, "application/pdf", pdf.length);
        }));
        setText(text);
        setId("remittance-receipt-" + r.receiptNumber());
        getElement().setAttribute("download", fileName);
        setTarget("_blank");
        getElement().insertChild(0, VaadinIcon.DOWNLOAD_ALT.create().getElement());
    }
}
