package org.lumbung.ui.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumbung.backup.OtherInstallation;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.security.SystemActor;
import org.lumbung.testsupport.AppRoleDatabaseInitializer;
import org.lumbung.ui.LumbungApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;

import java.nio.file.Path;
import java.time.Clock;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** On the first-start page of an empty installation, a backup is restored instead of starting anew — once. */
@SpringBootTest(classes = LumbungApplication.class,
        properties = {"lumbung.sample-data.enabled=false", "lumbung.backups.schedule.enabled=false"})
@ContextConfiguration(initializers = AppRoleDatabaseInitializer.class)
class FirstStartRestoreTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    CooperativeService cooperatives;
    @Autowired
    ObjectMapper json;
    @Autowired
    Clock clock;

    @TempDir
    Path usb;

    @BeforeEach
    void setUp() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(new Routes().autoDiscoverViews("org.lumbung.ui"), context, uiFactory));
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

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

        tearDown(); // someone else opens the first-start page
        setUp();
        UI.getCurrent().navigate(SetupView.class);
        _setValue(_get(TextField.class, spec -> spec.withId("setup-restore-path")), backup.zip().toString());
        _click(_get(Button.class, spec -> spec.withId("setup-restore")));
        assertThat(SystemActor.run(cooperatives::count)).as("not empty any more: refused").isEqualTo(1);
    }
}
