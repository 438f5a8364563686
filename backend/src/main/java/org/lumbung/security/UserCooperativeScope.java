package org.lumbung.security;

import org.lumbung.platform.db.CooperativeScope;
import org.springframework.stereotype.Component;

/**
 * The signed-in person's cooperatives for row-level security: administrators all, district auditors the
 * cooperatives of their district (read when they sign in), everyone else their own; nobody signed in, none.
 */
@Component
public class UserCooperativeScope implements CooperativeScope {

    private final AccessPolicy access;

    public UserCooperativeScope(AccessPolicy access) {
        this.access = access;
    }

    @Override
    public String current() {
        return access.currentUser().map(UserCooperativeScope::scopeOf).orElse(NONE);
    }

    @Override
    public String actor() {
        return access.currentUser().map(UserAccount::username).orElse("");
    }

    static String scopeOf(UserAccount u) {
        return switch (u.role()) {
            case ADMIN -> ALL;
            case AUDITOR -> u.cooperativeId() != null ? Long.toString(u.cooperativeId())
                    : u.districtCooperatives().isEmpty() ? NONE
                    : String.join(",", u.districtCooperatives().stream().sorted().map(String::valueOf).toList());
            default -> u.cooperativeId() == null ? NONE : Long.toString(u.cooperativeId());
        };
    }
}
