package org.lumbung.district;

import org.lumbung.security.Ability;
import org.lumbung.security.Role;
import org.lumbung.security.Roles;

import java.util.Set;

/** The district console's rows of the access table. */
public enum DistrictAbility implements Ability {
    /**
     * The console of every cooperative one may read: a district auditor's district, a federation's member
     * cooperatives, all for the administrator.
     */
    READ_DISTRICT(Roles.of(Role.AUDITOR, Role.FEDERATION, Role.ADMIN));

    private final Set<Role> roles;

    DistrictAbility(Set<Role> roles) {
        this.roles = roles;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
