package org.lumbung.ui.reports;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import java.io.ByteArrayInputStream;
import java.util.function.Function;
import java.util.function.Supplier;

/** Download links (PDF, XLSX) of what a report screen shows, made when a link is followed. */
class ExportLinks<T> extends HorizontalLayout {

    private final Anchor pdf;
    private final Anchor xlsx;
    private String fileName = "report";

    ExportLinks(String idPrefix, Supplier<T> shown, Function<T, byte[]> toPdf, Function<T, byte[]> toXlsx) {
        pdf = link(idPrefix + "-pdf", "reports.export.pdf", "application/pdf", ".pdf", shown, toPdf);
        xlsx = link(idPrefix + "-xlsx", "reports.export.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", shown, toXlsx);
        add(pdf, xlsx);
    }

    void setFileName(String name) {
        this.fileName = name;
        pdf.getElement().setAttribute("download", name + ".pdf");
        xlsx.getElement().setAttribute("download", name + ".xlsx");
    }

    private Anchor link(String id, String textKey, String type, String suffix, Supplier<T> shown, Function<T, byte[]> make) {
        Anchor a = new Anchor();
        a.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = make.apply(shown.get());
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName + suffix, type, bytes.length);
        }));
        a.setText(getTranslation(textKey));
        a.setId(id);
        a.setTarget("_blank");
        a.getElement().insertChild(0, VaadinIcon.DOWNLOAD_ALT.create().getElement());
        return a;
    }
}
