package org.lumbung.ui.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.lumbung.security.Role;
import org.lumbung.ui.KaribuTest;
import org.lumbung.ui.LumbungApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** An installation without sample data has no sign-in; its first administrator is created on first start. */
@SpringBootTest(classes = LumbungApplication.class, properties = "lumbung.sample-data.enabled=false")
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class FirstStartTest extends KaribuTest {

    @Autowired
    org.lumbung.platform.Startup startup;

    /** The web server answers before the sample is loaded: that installation is not empty, it is starting. */
    @Test
    @org.junit.jupiter.api.Order(1) // before the first administrator exists: both tests share one database
    void whileTheSampleLoadsAStartingPageIsShownAndNoFirstAdministratorIsAccepted() {
        startup.loading();
        try {
            UI.getCurrent().navigate(LoginView.class);
            assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0)).isInstanceOf(StartingView.class);
            UI.getCurrent().navigate(SetupView.class);
            assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0)).isInstanceOf(StartingView.class);
            assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("starting-text")).getText())
                    .contains("sample");
            assertThat(UI.getCurrent().getPollInterval()).as("the page asks again by itself").isPositive();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> users.createFirstAdministrator("early.admin", "Early",
                    "padi menguning di sawah")).isInstanceOf(org.lumbung.platform.DomainException.class);
        } finally {
            startup.ready();
        }
        assertThat(users.count()).isZero();
        UI.getCurrent().navigate(StartingView.class);
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0))
                .as("no sample and no sign-in: now the first administrator is created").isInstanceOf(SetupView.class);
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void theFirstAdministratorIsCreatedOnceAndNoDemoUserExists() {
        assertThat(users.count()).isZero();
        UI.getCurrent().navigate(LoginView.class);
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0)).isInstanceOf(SetupView.class);

        _setValue(_get(TextField.class, spec -> spec.withId("setup-username")), "ketua.admin");
        _setValue(_get(TextField.class, spec -> spec.withId("setup-full-name")), "Ibu Ketua");
        _setValue(_get(PasswordField.class, spec -> spec.withId("setup-password")), "pendek");
        _setValue(_get(PasswordField.class, spec -> spec.withId("setup-repeat")), "pendek");
        _click(_get(Button.class, spec -> spec.withId("setup-create")));
        assertThat(users.count()).as("a password against the rules is refused").isZero();

        _setValue(_get(PasswordField.class, spec -> spec.withId("setup-password")), "padi menguning di sawah");
        _setValue(_get(PasswordField.class, spec -> spec.withId("setup-repeat")), "padi menguning di sawah");
        _click(_get(Button.class, spec -> spec.withId("setup-create")));

        assertThat(users.count()).isEqualTo(1);
        assertThat(users.loadUserByUsername("ketua.admin").account().role()).isEqualTo(Role.ADMIN);
        UI.getCurrent().navigate(SetupView.class);
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0)).isInstanceOf(LoginView.class);
    }
}
