package org.lumbung.auditpack;

import org.lumbung.security.Ability;
import org.lumbung.security.Role;
import org.lumbung.security.Roles;

import java.util.Set;

/** The audit packs' rows of the access table. */
public enum AuditPackAbility implements Ability {
    /** Download a cooperative's audit pack: whoever reads its books (its office, its district auditor). */
    MAKE_AUDIT_PACK(Roles.READING),
    /** Import the pack of a cooperative that keeps its books offline into the district console. */
    IMPORT_AUDIT_PACK(Roles.of(Role.AUDITOR, Role.ADMIN));

    private final Set<Role> roles;

    AuditPackAbility(Set<Role> roles) {
        this.roles = roles;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
