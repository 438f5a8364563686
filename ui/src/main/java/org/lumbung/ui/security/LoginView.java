package org.lumbung.ui.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.lumbung.platform.Startup;
import org.lumbung.security.SignInThrottle;
import org.lumbung.security.UserService;
import org.lumbung.ui.i18n.LanguageSwitch;

import java.util.List;
import java.util.Map;

/** Sign-in for people: user name and password; the language can be chosen before signing in. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** The query parameter of a sign-in refused for too many failures from this address. */
    static final String THROTTLED = "throttled";

    private final LoginForm form = new LoginForm();
    private final UserService users;
    private final Startup startup;

    public LoginView(UserService users, LanguageSwitch languageSwitch,
            Startup startup) {
        this.users = users;
        this.startup = startup;
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n());
        H1 title = new H1("Lumbung");
        title.getStyle().set("margin", "0");
        Paragraph tagline = new Paragraph(getTranslation("login.tagline"));
        tagline.getStyle().set("max-width", "22em").set("text-align", "center").set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout languages = new HorizontalLayout();
        for (String code : new String[]{"id", "en"}) {
            Button b = new Button(getTranslation("language." + code), e -> languageSwitch.change(code));
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            b.setId("language-" + code);
            languages.add(b);
        }
        Paragraph members = new Paragraph(getTranslation("login.members"));
        members.setId("login-members-hint");
        members.getStyle().set("max-width", "22em").set("text-align", "center").set("font-size", "var(--lumo-font-size-s)")
                .set("color", "var(--lumo-secondary-text-color)");
        add(title, tagline, form, members, languages);
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        i18n.getErrorMessage().setUsername(getTranslation("login.username.required"));
        i18n.getErrorMessage().setPassword(getTranslation("login.password.required"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (startup.starting()) {
            event.forwardTo(StartingView.class); // the sample is loading: neither sign-in nor setup yet
            return;
        }
        if (users.count() == 0) {
            event.forwardTo(SetupView.class); // an empty installation: create the first administrator
            return;
        }
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        LoginI18n i18n = i18n();
        if (query.containsKey(THROTTLED)) {
            i18n.getErrorMessage().setTitle(getTranslation("login.throttled.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.throttled.message",
                    SignInThrottle.WINDOW.toMinutes()));
        }
        form.setI18n(i18n);
        form.setError(query.containsKey("error") || query.containsKey(THROTTLED));
    }

    @Override
    public String getPageTitle() {
        return "Lumbung — " + getTranslation("login.title");
    }
}
