package org.lumbung.ui.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The sign-in form (staff passwords and member PINs) is posted with the session's CSRF token, or refused
 * with 403 before any password is checked: a page of another site cannot sign a browser in to an account
 * of the attacker's choosing (login CSRF). VaadinWebSecurity exempts its login path from Spring's CSRF
 * filter; this check puts it back for the POST. The token is the one Spring keeps in the session and
 * Vaadin writes into the page ({@code <meta name="_csrf">}), which the login form sends along.
 */
final class LoginCsrfCheck extends OncePerRequestFilter {

    private final RequestMatcher signIn;
    private final HttpSessionCsrfTokenRepository tokens = new HttpSessionCsrfTokenRepository();
    private final CsrfTokenRequestHandler masked = new XorCsrfTokenRequestAttributeHandler();

    LoginCsrfCheck(String loginPath) {
        this.signIn = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, loginPath);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (signIn.matches(request) && !carriesSessionToken(request)) {
            // answered here: sendError would dispatch to /error, which the sign-in redirect then swallows
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Sign in from Lumbung's own sign-in page.");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean carriesSessionToken(HttpServletRequest request) {
        CsrfToken expected = tokens.loadToken(request);
        String presented = expected == null ? null : masked.resolveCsrfTokenValue(request, expected);
        return presented != null && MessageDigest.isEqual(expected.getToken().getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
