package org.lumbung.ui.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import org.lumbung.platform.i18n.Messages;

import java.util.Locale;

/** The language of this browser session; a change reloads the page so every text is drawn anew. */
public final class LanguageSwitch {

    static final String ATTRIBUTE = "lumbung.locale";

    private LanguageSwitch() {
    }

    public static void change(String code) {
        Locale locale = Messages.forCode(code);
        VaadinSession.getCurrent().setAttribute(ATTRIBUTE, locale);
        VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent().setLocale(locale);
        UI.getCurrent().getPage().reload();
    }

    /** The chosen language of this session, if one was chosen. */
    public static Locale chosen(VaadinSession session) {
        return (Locale) session.getAttribute(ATTRIBUTE);
    }
}
