package org.lumbung.ui.reports;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.lumbung.reports.MemberStatements;
import org.lumbung.ui.components.DateField;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;

/**
 * A member's statement for the dates chosen, as a PDF in her language: on her member page (staff) and on her own
 * phone page. The dates default to the last twelve months.
 */
public class MemberStatementLink extends FlexLayout {

    public MemberStatementLink(MemberStatements statements, long cooperativeId, long memberId, LocalDate today) {
        DatePicker from = new DateField();
        from.setId("member-statement-from");
        from.setLabel(getTranslation("statements.from"));
        from.setValue(today.minusYears(1).plusDays(1));
        DatePicker to = new DateField();
        to.setId("member-statement-to");
        to.setLabel(getTranslation("statements.to"));
        to.setValue(today);
        Anchor pdf = new Anchor();
        pdf.setId("member-statement-pdf");
        pdf.setText(getTranslation("member-statement.download"));
        pdf.getElement().insertChild(0, VaadinIcon.DOWNLOAD_ALT.create().getElement());
        pdf.setTarget("_blank");
        pdf.setHref(DownloadHandler.fromInputStream(event -> {
            LocalDate start = from.getValue() == null ? today.minusYears(1).plusDays(1) : from.getValue();
            LocalDate end = to.getValue() == null ? today : to.getValue();
            byte[] bytes = statements.pdf(cooperativeId, memberId, start, end);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "statement-" + start + "-" + end + ".pdf",
                    "application/pdf", bytes.length);
        }));
        add(from, to, pdf);
        setFlexWrap(FlexWrap.WRAP);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        getStyle().set("gap", "var(--lumo-space-s)");
    }
}
