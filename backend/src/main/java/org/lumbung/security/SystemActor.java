package org.lumbung.security;

import org.lumbung.platform.db.CooperativeScope;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.function.Supplier;

/**
 * Work Lumbung does by itself, not for a person (loading the sample data): signed in as "system" with
 * the role SYSTEM and every cooperative in scope, on this thread only, for the duration of the work.
 */
public final class SystemActor {

    public static final String NAME = "system";

    private SystemActor() {
    }

    public static <T> T run(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(new UsernamePasswordAuthenticationToken(NAME, null,
                List.of(new SimpleGrantedAuthority("ROLE_SYSTEM"))));
        SecurityContextHolder.setContext(system);
        try {
            return CooperativeScope.asSystem(work);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
