package org.lumbung.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.spring.SpringServlet;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.security.LumbungUser;
import org.lumbung.security.UserService;
import org.lumbung.testsupport.AppRoleDatabaseInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ContextConfiguration;

import java.util.Locale;

/**
 * Browser-less Vaadin tests (Karibu-Testing) against the real application and a real PostgreSQL with
 * the sample cooperative loaded; a test of an empty installation says so in its own {@code @SpringBootTest}
 * (its properties replace these).
 */
@SpringBootTest(classes = LumbungApplication.class)
@ContextConfiguration(initializers = AppRoleDatabaseInitializer.class)
public abstract class KaribuTest {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("org.lumbung.ui");

    @Autowired
    protected ApplicationContext context;
    @Autowired
    protected UserService users;

    /**
     * Vaadin makes each application context's security-context strategy the JVM-wide one when it starts;
     * with the API tests' context started after this one, the screens' services would read another
     * context's holder. Every test puts this context's strategy back first.
     */
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.security.core.context.SecurityContextHolderStrategy securityContextHolderStrategy;

    @BeforeEach
    void setUpVaadin() {
        SecurityContextHolder.setContextHolderStrategy(securityContextHolderStrategy);
        setUpVaadinAgain();
    }

    /** A fresh mock browser session (for tests that try several people in one test). */
    protected void setUpVaadinAgain() {
        Function0<UI> uiFactory = UI::new;
        SpringServlet servlet = new MockSpringServlet(ROUTES, context, uiFactory);
        MockVaadin.setup(uiFactory, servlet);
    }

    @AfterEach
    protected void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** Signs in as a sample-data user (what the form sign-in does), in the given language. */
    protected LumbungUser signIn(String username, Locale locale) {
        LumbungUser user = users.loadUserByUsername(username);
        var authentication = new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(authentication);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> user.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
        UI.getCurrent().setLocale(locale);
        UI.getCurrent().getSession().setLocale(locale);
        return user;
    }

    protected LumbungUser signIn(String username) {
        return signIn(username, Messages.ENGLISH);
    }
}
