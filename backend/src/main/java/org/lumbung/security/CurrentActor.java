package org.lumbung.security;

import org.lumbung.platform.DomainException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting, as the security context says: a person's or an API token's username, or
 * {@value SystemActor#NAME}. Services that record who did something read it here, never from a parameter
 * a caller could fill in with someone else's name.
 */
public final class CurrentActor {

    private CurrentActor() {
    }

    /** The acting username; refused when nobody is signed in. */
    public static String name() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken || authentication.getName() == null) {
            throw DomainException.forbidden("access.signed-out");
        }
        return authentication.getName();
    }
}
