package org.lumbung.ui.members;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import org.jspecify.annotations.Nullable;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.savings.ImportReport;
import org.lumbung.savings.MemberImport;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.i18n.UploadTexts;
import org.lumbung.ui.security.RequiresAbility;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Imports the paper register's spreadsheet (CSV or XLSX, at most 5 MB, kept in memory): Check lists
 * every bad row with its column and reason; Import is enabled only for a valid file and runs on a
 * background thread (with the person's security context) while a progress bar, updated by polling,
 * shows the rows done. The file imports whole or not at all.
 */
@Route("members/import")
@RequiresAbility("REGISTER_MEMBERS")
@Menu(title = "nav.import", order = 110, icon = "vaadin:upload")
@MenuGroup("nav.group.members")
public class ImportView extends VerticalLayout implements HasDynamicTitle {

    private static final int POLL_MS = 500;

    private final MemberImport imports;
    private final UiAudit audit;
    private final long cooperativeId;
    private final Grid<ImportReport.RowError> errors = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final Button check = new Button();
    private final Button runImport = new Button();
    private final ProgressBar progress = new ProgressBar();
    private final AtomicInteger rowsDone = new AtomicInteger();
    private @Nullable Registration polling;
    private @Nullable String fileName;
    private byte @Nullable [] content;
    private @Nullable ImportReport checked;
    private volatile boolean running;

    public ImportView(CurrentCooperative current, MemberImport imports, UiAudit audit) {
        this.imports = imports;
        this.audit = audit;
        this.cooperativeId = current.require().id();

        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> {
            fileName = metadata.fileName();
            content = data;
            checked = null;
            errors.setItems();
            summary.setText(getTranslation("import.received", fileName, data.length));
            check.setEnabled(true);
            runImport.setEnabled(false);
        }));
        upload.setId("import-upload");
        upload.setI18n(UploadTexts.of(this));
        upload.setAcceptedFileTypes(".csv", ".xlsx", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.setMaxFileSize(MemberImport.MAX_BYTES);
        upload.setMaxFiles(1);
        upload.addFileRejectedListener(e -> Notifications.refused(DomainException.invalid("import.file.too-large",
                MemberImport.MAX_BYTES / 1024 / 1024)));

        Anchor template = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] csv = MemberImport.TEMPLATE_CSV.getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(csv), "lumbung-members-template.csv", "text/csv", csv.length);
        }), getTranslation("import.template"));
        template.setId("import-template");
        template.getElement().setAttribute("download", "lumbung-members-template.csv");

        check.setText(getTranslation("import.check"));
        check.setId("import-check");
        check.setEnabled(false);
        check.addClickListener(e -> check());
        runImport.setText(getTranslation("import.run"));
        runImport.setId("import-run");
        runImport.setEnabled(false);
        runImport.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        runImport.addClickListener(e -> startImport());
        progress.setId("import-progress");
        progress.setVisible(false);
        summary.setId("import-summary");

        errors.setId("import-errors");
        errors.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        errors.addColumn(ImportReport.RowError::row).setHeader(getTranslation("import.row")).setAutoWidth(true).setFlexGrow(0);
        errors.addColumn(r -> r.column() == null ? "" : r.column()).setHeader(getTranslation("import.column")).setAutoWidth(true);
        errors.addColumn(r -> Messages.get(r.messageKey(), getLocale(), r.arguments() == null ? new Object[0] : r.arguments().toArray()))
                .setHeader(getTranslation("import.reason")).setFlexGrow(3);
        errors.setVisible(false);

        FlexLayout actions = new FlexLayout(check, runImport, template);
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.getStyle().set("gap", "var(--lumo-space-m)");
        Paragraph intro = new Paragraph(getTranslation("import.intro", String.join(", ", MemberImport.COLUMNS)));
        add(new H2(getTranslation("nav.import")), intro, upload, actions, progress, summary, errors);
        setFlexGrow(1, errors);
    }

    private void check() {
        if (content == null) {
            return;
        }
        try {
            checked = imports.check(cooperativeId, Objects.requireNonNull(fileName), content);
            show(checked);
            runImport.setEnabled(checked.valid() && checked.rows() > 0);
        } catch (DomainException ex) {
            checked = null;
            runImport.setEnabled(false);
            summary.setText(Messages.of(ex, getLocale()));
            Notifications.refused(ex);
        }
    }

    private void show(ImportReport report) {
        errors.setItems(report.errors());
        errors.setVisible(!report.errors().isEmpty());
        summary.setText(report.imported() ? getTranslation("import.done", report.membersImported())
                : report.valid() ? getTranslation("import.valid", report.rows())
                : getTranslation("import.invalid", report.rows(), report.errors().size()));
    }

    /** The import on a background thread: the security context travels along, the bar follows by polling. */
    private void startImport() {
        if (checked == null || !checked.valid() || running) {
            return;
        }
        UI ui = UI.getCurrent();
        running = true;
        check.setEnabled(false);
        runImport.setEnabled(false);
        rowsDone.set(0);
        progress.setMin(0);
        progress.setMax(Math.max(1, checked.rows()));
        progress.setValue(0);
        progress.setVisible(true);
        summary.setText(getTranslation("import.running"));
        ui.setPollInterval(POLL_MS);
        polling = ui.addPollListener(e -> progress.setValue(Math.min(rowsDone.get(), progress.getMax())));
        String name = Objects.requireNonNull(fileName);
        byte[] data = Objects.requireNonNull(content);
        Runnable work = new DelegatingSecurityContextRunnable(() -> {
            try {
                ImportReport report = imports.importFile(cooperativeId, name, data, rowsDone::set);
                ui.access(() -> finished(report, null));
            } catch (DomainException ex) {
                ui.access(() -> finished(null, ex));
            } catch (RuntimeException ex) {
                ui.access(() -> finished(null, DomainException.invalid("api.unexpected", Long.toString(System.nanoTime(), 36))));
                LoggerFactory.getLogger(ImportView.class).error("member import failed", ex);
            }
        });
        Thread thread = new Thread(work, "lumbung-import-" + cooperativeId);
        thread.setDaemon(true);
        thread.start();
    }

    private void finished(@Nullable ImportReport report, @Nullable DomainException refused) {
        running = false;
        stopPolling();
        progress.setVisible(false);
        if (refused != null) {
            audit.refused(cooperativeId, "IMPORT_MEMBERS", fileName + ": " + refused.messageKey());
            summary.setText(Messages.of(refused, getLocale()));
            Notifications.refused(refused);
            check.setEnabled(true);
            return;
        }
        show(Objects.requireNonNull(report));
        if (report.imported()) {
            audit.done(cooperativeId, "IMPORT_MEMBERS", fileName + ": " + report.membersImported() + " members");
            Notifications.success(getTranslation("import.done", report.membersImported()));
            content = null;
            checked = null;
        } else {
            check.setEnabled(true);
        }
    }

    private void stopPolling() {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
    }

    /** Whether an import is still running (for tests and for leaving the page). */
    boolean isRunning() {
        return running;
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopPolling();
        super.onDetach(detachEvent);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.import") + " — Lumbung";
    }
}
