package org.lumbung.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.menu.MenuConfiguration;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.security.AccessPolicy;
import org.lumbung.ui.i18n.LanguageSwitch;
import org.lumbung.ui.security.AbilityAccessChecker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.Locale;

/**
 * Every new UI gets the person's language (chosen in this session, else their profile, else the
 * browser's), their start page, and an error handler that shows a translated message, never a stack trace.
 */
@Component
public class UiSetup implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UiSetup.class);

    private final AccessPolicy access;
    private final AbilityAccessChecker screens;
    private final LanguageSwitch languages;

    public UiSetup(AccessPolicy access, AbilityAccessChecker screens, LanguageSwitch languages) {
        this.languages = languages;
        this.access = access;
        this.screens = screens;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(UiSetup::showError));
        event.getSource().addUIInitListener(e -> {
            UI ui = e.getUI();
            VaadinSession session = ui.getSession();
            Locale locale = LanguageSwitch.forScreens(languages.localeOf(session, VaadinRequest.getCurrent()));
            ui.setLocale(locale);
            session.setLocale(locale);
            ui.addBeforeEnterListener(this::sendToStartPage);
        });
    }

    /**
     * Everyone signs in to the root address; whoever may not open its screen (a member, a federation: the dashboard
     * is a cooperative's) starts at the first {@link StartPage} their role may open instead, else at the first menu
     * screen they may open. Added before Vaadin's access check, so that check sees the start page.
     */
    private void sendToStartPage(BeforeEnterEvent event) {
        if (!event.getLocation().getPath().isEmpty()) {
            return;
        }
        access.currentUser().filter(user -> !screens.allows(user.role(), event.getNavigationTarget()))
                .flatMap(user -> MenuConfiguration.getMenuEntries().stream()
                        .filter(entry -> entry.menuClass() != null && screens.allows(user.role(), entry.menuClass()))
                        .sorted(Comparator.comparing(entry -> !entry.menuClass().isAnnotationPresent(StartPage.class)))
                        .findFirst()) // the sort is stable: start pages first, each part in menu order
                .ifPresent(entry -> event.forwardTo(entry.path()));
    }

    /**
     * What a person is told of a failure, in her language: a refusal's own message, "not allowed" for a service that
     * refused what the screen offered, else a reference to the log (where the failure is written in full).
     */
    static String messageFor(Throwable failure, Locale locale) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof DomainException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof DomainException domain) {
            return Messages.of(domain, locale);
        }
        if (isAccessDenied(failure)) {
            return Messages.get("access.denied", locale);
        }
        String reference = Long.toString(System.nanoTime(), 36);
        log.error("unexpected failure {} in the UI", reference, failure);
        return Messages.get("api.unexpected", locale, reference);
    }

    private static boolean isAccessDenied(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof AccessDeniedException) {
                return true;
            }
        }
        return false;
    }

    static void showError(ErrorEvent event) {
        UI ui = UI.getCurrent();
        String message = messageFor(event.getThrowable(), ui != null ? ui.getLocale() : Messages.ENGLISH);
        if (ui != null) {
            ui.access(() -> Notification.show(message, 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR));
        }
    }
}
