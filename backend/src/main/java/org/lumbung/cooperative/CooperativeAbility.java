package org.lumbung.cooperative;

import org.lumbung.security.Ability;
import org.lumbung.security.Role;
import org.lumbung.security.Roles;

import java.util.Set;

/** The cooperatives' rows of the access table. */
public enum CooperativeAbility implements Ability {
    /** Read the cooperative's profile. */
    READ_PROFILE(Roles.READING),
    /** Change the cooperative's profile. */
    EDIT_PROFILE(Roles.DECIDING),
    /** Found cooperatives and see all of them. */
    FOUND_COOPERATIVE(Roles.of(Role.ADMIN));

    private final Set<Role> roles;

    CooperativeAbility(Set<Role> roles) {
        this.roles = roles;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
