package org.lumbung.ui.district;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import org.lumbung.auditpack.ImportedPack;
import org.lumbung.auditpack.PackImports;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.DomainException;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.i18n.UploadTexts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * Imports the audit pack of a cooperative that keeps its books on its own laptop: the service verifies it (chain,
 * trial balance, the previous import's head on its chain) and refuses a tampered one with the reason, changing
 * nothing; a verified one shows in the console from then on.
 */
class PackImportPanel extends VerticalLayout {

    PackImportPanel(PackImports imports, List<Cooperative> cooperatives, Runnable imported) {
        setPadding(false);
        Select<Cooperative> cooperative = new Select<>();
        cooperative.setId("pack-import-cooperative");
        cooperative.setLabel(getTranslation("district.import.cooperative"));
        cooperative.setItems(cooperatives);
        cooperative.setItemLabelGenerator(c -> c.name() + " (" + c.code() + ")");
        Upload upload = new Upload(UploadHandler.toTempFile((metadata, file) -> {
            try (InputStream in = Files.newInputStream(file.toPath())) {
                if (cooperative.getValue() == null) {
                    throw DomainException.invalid("audit-pack.import.cooperative.missing");
                }
                ImportedPack pack = imports.importPack(cooperative.getValue().id(), metadata.fileName(), in);
                Notifications.success(getTranslation("district.import.done", cooperative.getValue().name(), pack.head().sequence()));
                imported.run();
            } catch (DomainException e) {
                Notifications.refused(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                file.delete(); // the upload's temporary copy; the service keeps what it verified
            }
        }));
        upload.setId("pack-import-upload");
        upload.setI18n(UploadTexts.of(this));
        upload.setAcceptedFileTypes(".zip", "application/zip");
        upload.setMaxFileSize((int) PackImports.MAX_PACK_BYTES);
        upload.setMaxFiles(1);
        upload.addFileRejectedListener(e -> Notifications.refused(DomainException.invalid("audit-pack.import.too-large",
                PackImports.MAX_PACK_BYTES / 1024 / 1024)));
        add(new H3(getTranslation("district.import")), new Paragraph(getTranslation("district.import.intro")), cooperative, upload);
    }
}
