package org.lumbung.ui.reports;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.reports.HledgerExport;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Downloads the cooperative's whole journal for hledger, streamed as it is read (as the API's journal.hledger). */
class HledgerLink extends Anchor {

    HledgerLink(HledgerExport export, Cooperative cooperative) {
        String fileName = cooperative.code() + ".journal";
        setHref((DownloadHandler) event -> {
            event.setFileName(fileName);
            event.setContentType("text/plain;charset=UTF-8");
            try (Writer out = new BufferedWriter(new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8), 1 << 16)) {
                export.write(cooperative.id(), out);
            }
        });
        setText(getTranslation("reports.export.hledger"));
        setId("hledger-download");
        getElement().setAttribute("download", fileName);
        getElement().insertChild(0, VaadinIcon.DOWNLOAD_ALT.create().getElement());
    }
}
