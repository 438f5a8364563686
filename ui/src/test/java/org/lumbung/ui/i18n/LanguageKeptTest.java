package org.lumbung.ui.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.security.SystemActor;
import org.lumbung.ui.KaribuTest;
import org.lumbung.ui.dashboard.DashboardView;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** The language chosen in the header is the person's: kept with them for their next sign-in. */
class LanguageKeptTest extends KaribuTest {

    @Autowired
    LanguageSwitch languages;

    @Test
    @SuppressWarnings("unchecked")
    void theHeadersLanguageIsKeptForTheNextSignIn() {
        String before = users.loadUserByUsername("chair").account().locale();
        try {
            signIn("chair", Messages.INDONESIAN);
            UI.getCurrent().navigate(DashboardView.class);
            _setValue(_get(Select.class, spec -> spec.withId("language-select")), "en");
            assertThat(users.loadUserByUsername("chair").account().locale()).isEqualTo("en");

            // signed out; a new session, signed in again: English, without choosing it again
            tearDownVaadin();
            setUpVaadinAgain();
            signIn("chair", Messages.ENGLISH);
            assertThat(languages.localeOf(VaadinSession.getCurrent(), VaadinRequest.getCurrent())).isEqualTo(Locale.ENGLISH);

            UI.getCurrent().navigate(DashboardView.class);
            _setValue(_get(Select.class, spec -> spec.withId("language-select")), "id");
            assertThat(users.loadUserByUsername("chair").account().locale()).isEqualTo("id");
        } finally {
            SystemActor.run(() -> {
                users.changeLocale("chair", before);
                return null;
            });
        }
    }
}
