package org.lumbung.ui.components;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;

/** Short messages to the person at the screen, in their language. */
public final class Notifications {

    private Notifications() {
    }

    public static void success(String text) {
        Notification n = Notification.show(text, 3000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void refused(DomainException e) {
        Notification n = Notification.show(Messages.of(e, UI.getCurrent().getLocale()), 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
