package org.lumbung.ui.i18n;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.UploadI18N;

import java.util.List;

/** The words of Vaadin's upload component ("Upload File…", "Drop file here") in the reader's language. */
public final class UploadTexts {

    private UploadTexts() {
    }

    public static UploadI18N of(Component screen) {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(screen.getTranslation("upload.drop.one"))
                .setMany(screen.getTranslation("upload.drop.many")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(screen.getTranslation("upload.add.one"))
                .setMany(screen.getTranslation("upload.add.many")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(screen.getTranslation("upload.error.too-many"))
                .setFileIsTooBig(screen.getTranslation("upload.error.too-big"))
                .setIncorrectFileType(screen.getTranslation("upload.error.type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(screen.getTranslation("upload.status.connecting"))
                        .setStalled(screen.getTranslation("upload.status.stalled"))
                        .setProcessing(screen.getTranslation("upload.status.processing"))
                        .setHeld(screen.getTranslation("upload.status.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(screen.getTranslation("upload.remaining"))
                        .setUnknown(screen.getTranslation("upload.remaining.unknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(screen.getTranslation("upload.error.server"))
                        .setUnexpectedServerError(screen.getTranslation("upload.error.server"))
                        .setForbidden(screen.getTranslation("upload.error.forbidden"))));
        i18n.setFile(new UploadI18N.File().setRetry(screen.getTranslation("upload.file.retry"))
                .setStart(screen.getTranslation("upload.file.start")).setRemove(screen.getTranslation("upload.file.remove")));
        i18n.setUnits(new UploadI18N.Units(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")));
        return i18n;
    }
}
