package org.lumbung.fx;

import org.lumbung.security.Ability;
import org.lumbung.security.Role;
import org.lumbung.security.Roles;

import java.util.Set;

/** The currency feature's rows of the access table. */
public enum FxAbility implements Ability {
    /** Read exchange rates, the currency settings and the foreign-currency positions. */
    READ_RATES(Roles.READING),
    /** Enter and import exchange rates; sell foreign cash; run the month-end revaluation. */
    RECORD_RATES(Roles.POSTING),
    /** Confirm or reject an outlying rate someone else entered; change the currency settings. */
    DECIDE_RATES(Roles.DECIDING);

    private final Set<Role> roles;

    FxAbility(Set<Role> roles) {
        this.roles = roles;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
