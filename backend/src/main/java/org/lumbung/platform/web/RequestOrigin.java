package org.lumbung.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Remembers the client address of the request being served, for the audit log. The address the
 * servlet container saw (behind a proxy, configure server.forward-headers-strategy).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestOrigin extends OncePerRequestFilter {

    private static final ThreadLocal<String> CLIENT = new ThreadLocal<>();

    public static String clientAddress() {
        return CLIENT.get();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String previous = CLIENT.get();
        CLIENT.set(request.getRemoteAddr());
        try {
            chain.doFilter(request, response);
        } finally {
            if (previous == null) {
                CLIENT.remove();
            } else {
                CLIENT.set(previous);
            }
        }
    }
}
