package org.lumbung.security;

import org.lumbung.platform.db.CooperativeScope;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * The signed-in person's cooperatives for row-level security: administrators all, district auditors the
 * cooperatives of their district and a federation's sign-ins its member cooperatives (both read when they sign
 * in), everyone else their own; nobody signed in, none. A federation's sign-in only reads: its sessions are
 * read-only, and row-level security refuses their writes.
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

    @Override
    public boolean readOnly() {
        return access.currentUser().map(u -> u.role() == Role.FEDERATION).orElse(false);
    }

    static String scopeOf(UserAccount u) {
        return switch (u.role()) {
            case ADMIN -> ALL;
            case AUDITOR -> u.cooperativeId() != null ? Long.toString(u.cooperativeId()) : listOf(u.districtCooperatives());
            case FEDERATION -> listOf(u.federationCooperatives());
            default -> u.cooperativeId() == null ? NONE : Long.toString(u.cooperativeId());
        };
    }

    private static String listOf(Set<Long> cooperatives) {
        return cooperatives.isEmpty() ? NONE : String.join(",", cooperatives.stream().sorted().map(String::valueOf).toList());
    }
}
