package org.lumbung.ui.security;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.security.Role;
import org.lumbung.security.UserService;
import org.lumbung.testsupport.AppRoleDatabaseInitializer;
import org.lumbung.ui.LumbungApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** An installation without sample data has no sign-in; its first administrator is created on first start. */
@SpringBootTest(classes = LumbungApplication.class, properties = "lumbung.sample-data.enabled=false")
@ContextConfiguration(initializers = AppRoleDatabaseInitializer.class)
class FirstStartTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    UserService users;

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
