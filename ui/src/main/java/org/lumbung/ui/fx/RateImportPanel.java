package org.lumbung.ui.fx;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import org.jspecify.annotations.Nullable;
import org.lumbung.fx.RateImport;
import org.lumbung.fx.RateSheet;
import org.lumbung.fx.RecordedRate;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.i18n.UploadTexts;


/**
 * A central bank's daily rates or an operator's rate sheet (CSV): Check is the dry run — every bad row with its
 * column and reason, or what each rate would do (recorded, waiting for a chair, unchanged) — and Import, enabled
 * only after a clean check, records the sheet whole or not at all.
 */
class RateImportPanel extends VerticalLayout {

    private final RateImport imports;
    private final long cooperativeId;
    private final Runnable imported;
    private final Grid<RateSheet.RowError> errors = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final Button check = new Button();
    private final Button run = new Button();
    private byte @Nullable [] content;

    RateImportPanel(RateImport imports, long cooperativeId, Runnable imported) {
        this.imports = imports;
        this.cooperativeId = cooperativeId;
        this.imported = imported;
        setPadding(false);
        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> received(data)));
        upload.setId("rates-upload");
        upload.setI18n(UploadTexts.of(this));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFileSize(RateImport.MAX_BYTES);
        upload.setMaxFiles(1);
        check.setText(getTranslation("fx.import.check"));
        check.setId("rates-check");
        check.setEnabled(false);
        check.addClickListener(e -> show(RateImport::check));
        run.setText(getTranslation("fx.import.run"));
        run.setId("rates-import");
        run.setEnabled(false);
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(e -> show(RateImport::importSheet));
        summary.setId("rates-import-summary");
        buildErrors();
        FlexLayout actions = new FlexLayout(check, run);
        actions.getStyle().set("gap", "var(--lumo-space-m)");
        add(new H3(getTranslation("fx.import.title")), new Paragraph(getTranslation("fx.import.intro",
                String.join(", ", RateImport.COLUMNS))), upload, actions, summary, errors);
    }

    void received(byte[] data) {
        content = data;
        errors.setVisible(false);
        summary.setText(getTranslation("fx.import.received", data.length));
        check.setEnabled(true);
        run.setEnabled(false);
    }

    private void buildErrors() {
        errors.setId("rates-import-errors");
        errors.addThemeVariants(GridVariant.LUMO_COMPACT);
        errors.setAllRowsVisible(true);
        errors.addColumn(RateSheet.RowError::row).setHeader(getTranslation("fx.import.row")).setAutoWidth(true).setFlexGrow(0);
        errors.addColumn(RateSheet.RowError::column).setHeader(getTranslation("fx.import.column")).setAutoWidth(true);
        errors.addColumn(r -> Messages.get(r.messageKey(), getLocale(), r.arguments().toArray()))
                .setHeader(getTranslation("fx.import.reason")).setFlexGrow(3);
        errors.setVisible(false);
    }

    private interface Step {
        RateSheet apply(RateImport imports, long cooperativeId, byte[] content, String source);
    }

    private void show(Step step) {
        if (content == null) {
            return;
        }
        try {
            RateSheet sheet = step.apply(imports, cooperativeId, content, "IMPORTED");
            errors.setItems(sheet.errors());
            errors.setVisible(!sheet.valid());
            long pending = sheet.outcomes().stream().filter(r -> r.outcome() == RecordedRate.Outcome.PENDING).count();
            long unchanged = sheet.outcomes().stream().filter(r -> r.outcome() == RecordedRate.Outcome.UNCHANGED).count();
            summary.setText(!sheet.valid() ? getTranslation("fx.import.invalid", sheet.rows(), sheet.errors().size())
                    : getTranslation(sheet.imported() ? "fx.import.done" : "fx.import.valid", sheet.rows(), pending, unchanged));
            run.setEnabled(sheet.valid() && !sheet.imported());
            if (sheet.imported()) {
                content = null;
                check.setEnabled(false);
                imported.run();
            }
        } catch (DomainException ex) {
            summary.setText(Messages.of(ex, getLocale()));
            Notifications.refused(ex);
        }
    }
}
