package org.lumbung.ui.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.ui.KaribuTest;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** A sign-in refused for too many failures from this address says so, in the reader's language. */
class LoginViewTest extends KaribuTest {

    @Test
    void aThrottledSignInTellsWhyAndHowLongToWait() {
        assertThat(errorShown(Messages.ENGLISH, "error")).contains("Wrong user name or password");
        assertThat(errorShown(Messages.ENGLISH, LoginView.THROTTLED)).contains("Too many failed sign-ins").contains("Wait 15 minutes");
        setUpVaadinAgain();
        assertThat(errorShown(Messages.INDONESIAN, LoginView.THROTTLED)).contains("Terlalu banyak").contains("Tunggu 15 menit");
    }

    @Test
    void anEmptyFieldIsNamedInIndonesianToo() {
        String i18n = errorShown(Messages.INDONESIAN, "error");
        assertThat(i18n).contains("Isi nama pengguna Anda").contains("Isi kata sandi atau PIN Anda")
                .doesNotContain("Username is required").doesNotContain("Password is required");
    }

    private String errorShown(Locale locale, String parameter) {
        UI.getCurrent().setLocale(locale);
        UI.getCurrent().navigate("login", new QueryParameters(Map.of(parameter, List.of(""))));
        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        return String.valueOf(form.getElement().getPropertyRaw("i18n"));
    }
}
