package org.lumbung.security;

import org.lumbung.platform.db.CooperativeScope;
import org.springframework.stereotype.Component;

/**
 * The signed-in person's cooperatives for row-level security: administrators and district auditors all
 * (districts come later), everyone else their own; nobody signed in, none.
 */
@Component
public class UserCooperativeScope implements CooperativeScope {

    private final AccessPolicy access;

    public UserCooperativeScope(AccessPolicy access) {
        this.access = access;
    }

    @Override
    public String current() {
        return access.currentUser().map(u -> u.role().spansCooperatives() ? ALL
                : u.cooperativeId() == null ? NONE : Long.toString(u.cooperativeId())).orElse(NONE);
    }
}
