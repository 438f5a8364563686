package org.lumbung.security;

import java.util.Set;

/** The sign-ins' rows of the access table: who reaches their own records, who manages sign-ins, who reads the audit trail. */
public enum SecurityAbility implements Ability {
    /** Every signed-in person; what a member then sees is limited to their own records by the services. */
    SIGNED_IN(Roles.EVERYONE),
    /** A member changes their own PIN. */
    CHANGE_OWN_PIN(Roles.of(Role.MEMBER)),
    /** Give a member their sign-in or a new PIN, or switch it off when they leave. */
    MANAGE_MEMBER_SIGN_IN(Roles.POSTING),
    /** Create and switch off staff sign-ins (a chair: of their own cooperative only). */
    MANAGE_USERS(Roles.DECIDING),
    /** Issue and revoke API tokens. */
    MANAGE_API_TOKENS(Roles.of(Role.ADMIN)),
    /** Read the audit trail: who did what, and who tried. */
    READ_AUDIT_LOG(Roles.of(Role.ADMIN, Role.CHAIR, Role.AUDITOR));

    private final Set<Role> roles;

    SecurityAbility(Set<Role> roles) {
        this.roles = roles;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
