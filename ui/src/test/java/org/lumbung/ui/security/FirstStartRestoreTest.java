package org.lumbung.ui.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumbung.backup.OtherInstallation;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.security.SystemActor;
import org.lumbung.ui.KaribuTest;
import org.lumbung.ui.LumbungApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.file.Path;
import java.time.Clock;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** On the first-start page of an empty installation, a backup is restored instead of starting anew — once. */
@SpringBootTest(classes = LumbungApplication.class,
        properties = {"lumbung.sample-data.enabled=false", "lumbung.backups.schedule.enabled=false"})
class FirstStartRestoreTest extends KaribuTest {

    @Autowired
    CooperativeService cooperatives;
    @Autowired
    ObjectMapper json;
    @Autowired
    Clock clock;

    @TempDir
    Path usb;

    @Test
    void theFirstStartPageRestoresABackupIntoTheEmptyInstallationAndRefusesASecond() throws Exception {
        OtherInstallation.Backup backup = OtherInstallation.backUp(usb.resolve("lumbung-other.zip"), 5, json, clock);
        UI.getCurrent().navigate(SetupView.class);
        TextField path = _get(TextField.class, spec -> spec.withId("setup-restore-path"));

        _setValue(path, usb.resolve("missing.zip").toString());
        _click(_get(Button.class, spec -> spec.withId("setup-restore")));
        assertThat(SystemActor.run(cooperatives::count)).as("no such file: nothing restored").isZero();

        _setValue(path, backup.zip().toString());
        _click(_get(Button.class, spec -> spec.withId("setup-restore")));
        assertThat(SystemActor.run(() -> cooperatives.byId(backup.cooperative().id()).code()))
                .isEqualTo(backup.cooperative().code());

        tearDownVaadin(); // someone else opens the first-start page
        setUpVaadinAgain();
        UI.getCurrent().navigate(SetupView.class);
        _setValue(_get(TextField.class, spec -> spec.withId("setup-restore-path")), backup.zip().toString());
        _click(_get(Button.class, spec -> spec.withId("setup-restore")));
        assertThat(SystemActor.run(cooperatives::count)).as("not empty any more: refused").isEqualTo(1);
    }
}
