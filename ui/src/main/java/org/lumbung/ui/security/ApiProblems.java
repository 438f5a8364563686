package org.lumbung.ui.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lumbung.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/**
 * The API's answers to a missing or bad credential (401 with {@code WWW-Authenticate}) and to a signed-in
 * caller without the right (403), as problems written here, whatever the Accept header: never a redirect to
 * the sign-in page, never the container's error page.
 */
final class ApiProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String CHALLENGE = "Basic realm=\"Lumbung\", Bearer realm=\"Lumbung\"";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", CHALLENGE);
        Problems.write(request, response, HttpStatus.UNAUTHORIZED, "access.signed-out");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Problems.write(request, response, HttpStatus.FORBIDDEN, "access.denied");
    }
}
