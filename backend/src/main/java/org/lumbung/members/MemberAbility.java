package org.lumbung.members;

import org.lumbung.security.Ability;
import org.lumbung.security.Role;
import org.lumbung.security.Roles;

import java.util.Set;

/** The member registry's rows of the access table. */
public enum MemberAbility implements Ability {
    /** Find and read members of the cooperative. */
    READ_MEMBERS(Roles.READING),
    /** Register members, record their migration and status, give them a sign-in. */
    REGISTER_MEMBERS(Roles.POSTING);

    private final Set<Role> roles;

    MemberAbility(Set<Role> roles) {
        this.roles = roles;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
