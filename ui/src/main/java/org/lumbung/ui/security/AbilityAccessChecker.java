package org.lumbung.ui.security;

import com.vaadin.flow.server.auth.AccessCheckResult;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.auth.NavigationAccessChecker;
import com.vaadin.flow.server.auth.NavigationContext;
import org.lumbung.security.AccessTable;
import org.lumbung.security.LumbungUser;
import org.lumbung.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.security.Principal;
import java.util.Optional;

/**
 * Vaadin's navigation check, from the access table: a screen marked {@link AnonymousAllowed} is open to
 * everyone (sign-in, first start, not found); a screen with {@link RequiresAbility} to the roles that have
 * the ability; any other screen to nobody. It is the only checker (see {@link SecurityConfiguration}).
 */
@Component
public class AbilityAccessChecker implements NavigationAccessChecker {

    private final AccessTable table;

    public AbilityAccessChecker(AccessTable table) {
        this.table = table;
    }

    @Override
    public AccessCheckResult check(NavigationContext context) {
        Class<?> target = context.getNavigationTarget();
        if (target.isAnnotationPresent(AnonymousAllowed.class)) {
            return context.allow();
        }
        Optional<Role> role = role(context.getPrincipal());
        if (role.isEmpty()) {
            return context.deny("signed out");
        }
        return allows(role.get(), target) ? context.allow() : context.deny("the role " + role.get() + " may not open " + target.getSimpleName());
    }

    /** Whether the role may open the screen (for the menu as for navigation). */
    public boolean allows(Role role, Class<?> screen) {
        RequiresAbility required = screen.getAnnotation(RequiresAbility.class);
        return required != null && table.allows(role, required.value());
    }

    static Optional<Role> role(Principal principal) {
        if (principal instanceof Authentication authentication && authentication.getPrincipal() instanceof LumbungUser user) {
            return Optional.of(user.account().role());
        }
        return Optional.empty();
    }
}
