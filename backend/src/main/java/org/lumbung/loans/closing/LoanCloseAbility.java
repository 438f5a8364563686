package org.lumbung.loans.closing;

import org.lumbung.security.Ability;
import org.lumbung.security.Role;
import org.lumbung.security.Roles;

import java.util.Set;

/** The close of business's rows of the access table. */
public enum LoanCloseAbility implements Ability {
    /** Close a business day, or catch up the days missed (reading them is READ_LOANS). */
    RUN_LOAN_CLOSE(Roles.POSTING);

    private final Set<Role> roles;

    LoanCloseAbility(Set<Role> roles) {
        this.roles = roles;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
