package org.lumbung.remittance;

import org.lumbung.security.Ability;
import org.lumbung.security.Role;
import org.lumbung.security.Roles;

import java.util.Set;

/** The remittance feature's rows of the access table. */
public enum RemittanceAbility implements Ability {
    /** Record a remittance receipt with its allocation. */
    RECORD_REMITTANCE(Roles.POSTING),
    /** Read remittances, their receipts and the corridor reports. */
    VIEW_REMITTANCES(Roles.READING),
    /** The district report: every cooperative of the district auditor's district (the administrator's choice of one). */
    VIEW_DISTRICT_REMITTANCES(Roles.of(Role.AUDITOR, Role.ADMIN)),
    /** A member's own page: her remittances and where they went. */
    VIEW_OWN_REMITTANCES(Roles.of(Role.MEMBER));

    private final Set<Role> roles;

    RemittanceAbility(Set<Role> roles) {
        this.roles = roles;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
