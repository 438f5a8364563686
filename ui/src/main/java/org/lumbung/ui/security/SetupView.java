package org.lumbung.ui.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.lumbung.audit.AuditLog;
import org.lumbung.backup.BackupService;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.Startup;
import org.lumbung.security.PasswordRules;
import org.lumbung.security.UserService;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.components.TextLimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * First start of an installation without sample data: nobody can sign in yet, so the first
 * administrator is created here — only from the machine Lumbung runs on, and only while no user exists.
 */
@Route(value = "setup", autoLayout = false)
@AnonymousAllowed
public class SetupView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int MAX_RESTORE_PATH = 1000;

    private final UserService users;
    private final Startup startup;

    public SetupView(UserService users, AuditLog audit, Startup startup, BackupService backups) {
        this.users = users;
        this.startup = startup;
        setAlignItems(Alignment.CENTER);
        TextField username = new TextField(getTranslation("setup.username"));
        username.setId("setup-username");
        username.setRequired(true);
        TextLimit.limit(username, UserService.MAX_USERNAME);
        TextField fullName = new TextField(getTranslation("setup.full-name"));
        fullName.setId("setup-full-name");
        fullName.setRequired(true);
        TextLimit.limit(fullName, UserService.MAX_FULL_NAME);
        PasswordField password = new PasswordField(getTranslation("setup.password"));
        password.setId("setup-password");
        TextLimit.limit(password, PasswordRules.MAX_LENGTH);
        password.setHelperText(getTranslation("setup.password.help", PasswordRules.MIN_LENGTH));
        PasswordField repeat = new PasswordField(getTranslation("setup.repeat"));
        repeat.setId("setup-repeat");
        Button create = new Button(getTranslation("setup.create"), e -> {
            boolean fits = TextLimit.check(username, UserService.MAX_USERNAME) & TextLimit.check(fullName, UserService.MAX_FULL_NAME)
                    & TextLimit.check(password, PasswordRules.MAX_LENGTH);
            if (!fits) {
                e.getSource().setEnabled(true);
                return;
            }
            if (!password.getValue().equals(repeat.getValue())) {
                repeat.setInvalid(true);
                repeat.setErrorMessage(getTranslation("setup.repeat.differs"));
                e.getSource().setEnabled(true);
                return;
            }
            try {
                users.createFirstAdministrator(username.getValue().strip().toLowerCase(), fullName.getValue(), password.getValue());
                audit.recordClaim(username.getValue().strip().toLowerCase(), null, "SETUP", AuditLog.Outcome.OK,
                        "first administrator created");
                getUI().ifPresent(ui -> ui.navigate(LoginView.class));
            } catch (DomainException ex) {
                Notifications.refused(ex);
                e.getSource().setEnabled(true);
            }
        });
        create.setId("setup-create");
        create.setDisableOnClick(true);
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(username, fullName, password, repeat);
        form.setMaxWidth("30em");
        add(new H1("Lumbung"), new Paragraph(getTranslation("setup.intro")), form, create, restore(backups));
    }

    /**
     * Or bring back a backup instead of starting anew: the ZIP's full path on this computer (a USB stick's);
     * restored only while the installation is empty, checked by its chains and trial balances.
     */
    private VerticalLayout restore(BackupService backups) {
        TextField path = new TextField(getTranslation("setup.restore.path"));
        path.setId("setup-restore-path");
        path.setWidthFull();
        path.setHelperText(getTranslation("setup.restore.path.help"));
        TextLimit.limit(path, MAX_RESTORE_PATH);
        Button restore = new Button(getTranslation("setup.restore"), e -> {
            try {
                if (TextLimit.check(path, MAX_RESTORE_PATH) && users.count() == 0) {
                    var manifest = backups.restore(Path.of(path.getValue().strip()));
                    Notifications.success(getTranslation("setup.restore.done", manifest.cooperatives().size()));
                    getUI().ifPresent(ui -> ui.navigate(LoginView.class));
                    return;
                }
            } catch (DomainException ex) {
                Notifications.refused(ex);
            } catch (InvalidPathException ex) {
                path.setInvalid(true);
                path.setErrorMessage(getTranslation("setup.restore.path.invalid"));
            }
            e.getSource().setEnabled(true);
        });
        restore.setId("setup-restore");
        restore.setDisableOnClick(true);
        VerticalLayout section = new VerticalLayout(new H2(getTranslation("setup.restore.title")),
                new Paragraph(getTranslation("setup.restore.intro")), path, restore);
        section.setMaxWidth("30em");
        section.setPadding(false);
        return section;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (startup.starting()) {
            event.forwardTo(StartingView.class); // the sample is still loading: this installation is not empty
        } else if (users.count() > 0) {
            event.forwardTo(LoginView.class);
        } else if (!fromThisMachine()) {
            event.rerouteToError(IllegalStateException.class, getTranslation("setup.local-only"));
        }
    }

    private static boolean fromThisMachine() {
        VaadinRequest request = VaadinRequest.getCurrent();
        try {
            return request != null && InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String getPageTitle() {
        return "Lumbung — " + getTranslation("setup.title");
    }
}
