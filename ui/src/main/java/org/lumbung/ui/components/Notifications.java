package org.lumbung.ui.components;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.savings.Booked;

import java.util.List;

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

    /** A translated warning of the errors bundle: the booking was made, but something should be looked at. */
    public static void warning(String messageKey, List<Object> arguments) {
        Notification n = Notification.show(Messages.get(messageKey, UI.getCurrent().getLocale(), arguments.toArray()),
                8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_WARNING);
    }

    /** Every warning a savings booking came back with. */
    public static void warnings(Booked booked) {
        for (Booked.Warning w : booked.warnings()) {
            warning(w.messageKey(), w.arguments() == null ? List.of() : w.arguments());
        }
    }
}
