package org.lumbung.reports;

import org.lumbung.security.Ability;
import org.lumbung.security.Role;
import org.lumbung.security.Roles;

import java.util.Set;

/** The reports' rows of the access table. */
public enum ReportAbility implements Ability {
    /** The dashboard's figures of the cooperative. */
    READ_DASHBOARD(Roles.READING);

    private final Set<Role> roles;

    ReportAbility(Set<Role> roles) {
        this.roles = roles;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
