package org.lumbung.district;

import org.lumbung.security.Ability;
import org.lumbung.security.Role;
import org.lumbung.security.Roles;

import java.util.Set;

/** The outcomes report's row of the access table. */
public enum OutcomesAbility implements Ability {
    /** What the cooperatives do for migrants and their villages: one's own cooperative, a district, a federation, all. */
    READ_OUTCOMES(Roles.STATEMENTS);

    private final Set<Role> roles;

    OutcomesAbility(Set<Role> roles) {
        this.roles = roles;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
