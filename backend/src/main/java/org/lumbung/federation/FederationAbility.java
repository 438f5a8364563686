package org.lumbung.federation;

import org.lumbung.security.Ability;
import org.lumbung.security.Role;
import org.lumbung.security.Roles;

import java.util.Set;

/** The federations' row of the access table. */
public enum FederationAbility implements Ability {
    /** Found federations and decide which cooperatives belong to which. */
    MANAGE_FEDERATIONS(Roles.of(Role.ADMIN));

    private final Set<Role> roles;

    FederationAbility(Set<Role> roles) {
        this.roles = roles;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
