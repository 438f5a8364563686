package org.lumbung.ui.backup;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumbung.backup.BackupFile;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.ui.KaribuTest;
import org.springframework.test.context.TestPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The treasurer chooses the USB stick's folder, backs up now and sees the backup with its chain head. A backup holds
 * the whole installation, so a treasurer may make one only on a laptop that keeps her cooperative alone: this test
 * has its own copy of the sample (its own context), where other tests' cooperatives never appear.
 */
@TestPropertySource(properties = "lumbung.test.context=backup-on-a-one-cooperative-laptop")
class BackupViewTest extends KaribuTest {

    @TempDir
    Path usb;

    @Test
    @SuppressWarnings("unchecked")
    void theTreasurerChoosesAFolderBacksUpAndSeesTheBackupWithItsChainHead() {
        signIn("treasurer", Messages.ENGLISH);
        UI.getCurrent().navigate(BackupView.class);
        TextField folder = _get(TextField.class, spec -> spec.withId("backup-folder"));

        _setValue(folder, "usb/lumbung");
        _click(_get(Button.class, spec -> spec.withId("backup-save")));
        assertThat(folder.isInvalid()).as("a relative path is refused").isTrue();
        assertThat(folder.getErrorMessage()).contains("full path");

        _setValue(folder, usb.resolve("lumbung").toString());
        _click(_get(Button.class, spec -> spec.withId("backup-save")));
        assertThat(folder.isInvalid()).isFalse();
        _click(_get(Button.class, spec -> spec.withId("backup-now")));

        Grid<BackupFile> list = _get(Grid.class, spec -> spec.withId("backup-list"));
        assertThat(_size(list)).isEqualTo(1);
        BackupFile file = _get(list, 0);
        assertThat(file.name()).startsWith("lumbung-ngrupit-").endsWith(".zip");
        assertThat(file.heads()).singleElement().asString().startsWith("ngrupit ").matches("ngrupit \\d+:[0-9a-f]{64}");
        assertThat(Files.exists(usb.resolve("lumbung").resolve(file.name()))).isTrue();
        assertThat(_get(Paragraph.class, spec -> spec.withId("backup-last")).getText()).startsWith("Last backup: ");
    }

    @Test
    void speaksBahasaIndonesia() {
        signIn("treasurer", Messages.INDONESIAN);
        UI.getCurrent().navigate(BackupView.class);
        assertThat(_get(Button.class, spec -> spec.withId("backup-now")).getText()).isEqualTo("Cadangkan sekarang");
        assertThat(_get(TextField.class, spec -> spec.withId("backup-folder")).getLabel()).isEqualTo("Folder cadangan");
    }
}
