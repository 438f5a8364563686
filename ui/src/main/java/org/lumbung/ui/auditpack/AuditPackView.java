package org.lumbung.ui.auditpack;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.lumbung.auditpack.AuditPackFile;
import org.lumbung.auditpack.AuditPacks;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.reports.FinancialStatements;
import org.lumbung.reports.FiscalYear;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.components.DateField;
import org.lumbung.ui.security.RequiresAbility;

import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The audit pack of a period, downloaded as one ZIP (docs/audit-pack.md), with how to check it anywhere with the
 * standalone verifier it carries. The pack is made when the link is followed, streamed from a temporary file.
 */
@Route("reports/audit-pack")
@RequiresAbility("MAKE_AUDIT_PACK")
@Menu(title = "nav.audit-pack", order = 550, icon = "vaadin:archive")
@MenuGroup("nav.group.reports")
public class AuditPackView extends VerticalLayout implements HasDynamicTitle {

    private final DatePicker from = new DateField();
    private final DatePicker to = new DateField();
    private final Anchor download = new Anchor();

    public AuditPackView(CurrentCooperative cooperatives, AuditPacks packs, Clock clock) {
        Cooperative cooperative = cooperatives.require();
        LocalDate today = cooperative.today(clock);
        from.setId("audit-pack-from");
        from.setLabel(getTranslation("audit-pack.from"));
        from.setValue(FiscalYear.containing(cooperative, today).first());
        to.setId("audit-pack-to");
        to.setLabel(getTranslation("audit-pack.to"));
        to.setValue(today);
        download.setId("audit-pack-download");
        download.setText(getTranslation("audit-pack.download"));
        download.getElement().insertChild(0, VaadinIcon.DOWNLOAD_ALT.create().getElement());
        download.setHref((DownloadHandler) event -> {
            try (AuditPackFile pack = packs.make(cooperative.id(), from.getValue(), to.getValue(), getLocale())) {
                event.setFileName(pack.fileName());
                event.setContentType("application/zip");
                Files.copy(pack.path(), event.getOutputStream());
            }
        });
        from.addValueChangeListener(e -> checkPeriod());
        to.addValueChangeListener(e -> checkPeriod());
        FlexLayout bar = new FlexLayout(from, to, download);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("gap", "var(--lumo-space-m)");
        Pre command = new Pre("python3 lumbung_verify.py lumbung-audit-" + cooperative.code() + "-….zip --checkpoint "
                + getTranslation("audit-pack.checkpoint-placeholder"));
        command.setId("audit-pack-command");
        add(new H2(getTranslation("nav.audit-pack")), new Paragraph(getTranslation("audit-pack.intro")), bar,
                new Paragraph(getTranslation("audit-pack.verify")), command, new Paragraph(getTranslation("audit-pack.checkpoint")));
        checkPeriod();
    }

    /** The link is offered only for a period the service accepts; the field says why otherwise. */
    private void checkPeriod() {
        LocalDate start = from.getValue();
        LocalDate end = to.getValue();
        boolean valid = start != null && end != null && !start.isAfter(end)
                && ChronoUnit.DAYS.between(start, end) < FinancialStatements.MAX_PERIOD_DAYS;
        to.setInvalid(!valid);
        to.setErrorMessage(valid ? null : getTranslation("audit-pack.period.invalid", FinancialStatements.MAX_PERIOD_DAYS));
        download.setEnabled(valid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.audit-pack") + " — Lumbung";
    }
}
