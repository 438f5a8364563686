package org.lumbung.ui.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lumbung.audit.AuditLog;
import org.lumbung.security.ApiTokens;
import org.lumbung.security.LumbungUser;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Authorization: Bearer lbg_…} on the integration API: a live token signs the request in as its
 * role in its cooperative. An unknown or revoked token is a 401 problem, audited as a failed sign-in; HTTP Basic stays available for people.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    /** The public part of a well-formed token, which names it in the audit log; the secret never goes there. */
    private static final Pattern PREFIX = Pattern.compile("lbg_([0-9a-f]{8})_.*");

    private final ApiTokens tokens;
    private final ApiProblems problems;
    private final AuditLog audit;

    ApiTokenFilter(ApiTokens tokens, ApiProblems problems, AuditLog audit) {
        this.tokens = tokens;
        this.problems = problems;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String presented = header.substring(7).strip();
        Optional<LumbungUser> user = tokens.authenticate(presented);
        if (user.isEmpty()) {
            Matcher m = PREFIX.matcher(presented);
            audit.recordClaim(m.matches() ? "token:" + m.group(1) : "token", null, "SIGN_IN", AuditLog.Outcome.FAILED,
                    "unknown or revoked API token");
            problems.commence(request, response, new BadCredentialsException("unknown or revoked token"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null, user.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
