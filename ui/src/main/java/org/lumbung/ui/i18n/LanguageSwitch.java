package org.lumbung.ui.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.security.AccessPolicy;
import org.lumbung.security.UserAccount;
import org.lumbung.security.UserService;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The language a person reads Lumbung in, kept two ways (as the README promises): with the person (their
 * sign-in's language, for every browser they sign in from) and in a long-lived cookie of this browser (for
 * the sign-in page, before anyone is known). A signed-in person reads their own language; a language chosen
 * on the sign-in page becomes theirs when they sign in. A change reloads the page so every text is drawn anew.
 */
@Component
public class LanguageSwitch {

    static final String ATTRIBUTE = "lumbung.locale";
    /** Whose language the session's choice was kept for: a choice made before signing in is kept once signed in. */
    static final String KEPT_FOR = "lumbung.locale.kept-for";
    public static final String COOKIE = "lumbung-language";
    private static final Duration COOKIE_LIFETIME = Duration.ofDays(400);

    private final UserService users;
    private final AccessPolicy access;

    public LanguageSwitch(UserService users, AccessPolicy access) {
        this.users = users;
        this.access = access;
    }

    /** The language chosen in the header, on My savings or on the sign-in page. */
    public void change(String code) {
        Locale locale = Messages.forCode(code);
        VaadinSession session = VaadinSession.getCurrent();
        session.setAttribute(ATTRIBUTE, locale);
        access.currentUser().ifPresent(user -> keep(session, user, locale));
        remember(locale);
        session.setLocale(forScreens(locale));
        UI.getCurrent().setLocale(forScreens(locale));
        UI.getCurrent().getPage().reload();
    }

    /**
     * The locale screens' components are given: British English for English, so that date fields, which take
     * their format from it, read day first ("01/12/2026") in both languages, never the US "12/1/2026". Texts,
     * numbers and money are the same in both Englishes.
     */
    public static Locale forScreens(Locale locale) {
        return "en".equals(locale.getLanguage()) ? Locale.UK : locale;
    }

    /** The language a new page of this session is drawn in. */
    public Locale localeOf(VaadinSession session, @Nullable VaadinRequest request) {
        Locale chosen = (Locale) session.getAttribute(ATTRIBUTE);
        Optional<UserAccount> user = access.currentUser();
        if (user.isPresent()) {
            if (chosen == null) {
                return Messages.forCode(user.get().locale());
            }
            if (!user.get().username().equals(session.getAttribute(KEPT_FOR))) {
                keep(session, user.get(), chosen); // chosen on the sign-in page, just before signing in
            }
            return chosen;
        }
        if (chosen != null) {
            return chosen;
        }
        return remembered(request).orElseGet(() -> Messages.supported(session.getBrowser() == null ? null : session.getLocale()));
    }

    private void keep(VaadinSession session, UserAccount user, Locale locale) {
        users.changeLocale(user.username(), code(locale));
        session.setAttribute(KEPT_FOR, user.username());
    }

    private static Optional<Locale> remembered(@Nullable VaadinRequest request) {
        Cookie[] cookies = request == null ? null : request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(c -> COOKIE.equals(c.getName()) && ("id".equals(c.getValue()) || "en".equals(c.getValue())))
                .findFirst().map(c -> Messages.forCode(c.getValue()));
    }

    private static void remember(Locale locale) {
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response == null) {
            return;
        }
        Cookie cookie = new Cookie(COOKIE, code(locale));
        cookie.setPath("/");
        cookie.setMaxAge((int) COOKIE_LIFETIME.toSeconds());
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    private static String code(Locale locale) {
        return "id".equals(locale.getLanguage()) ? "id" : "en";
    }
}
