package org.lumbung.loans.closing;

import org.lumbung.security.Ability;
import org.lumbung.security.Role;
import org.lumbung.security.Roles;

import java.util.Set;

/** The close of business's rows of the access table. */
public enum LoanCloseAbility implements Ability {
    /** The business date, the closes run, the portfolio snapshots, arrears and late borrowers. */
    READ_LOAN_PORTFOLIO(Roles.READING),
    /** Close a business day, or catch up the days missed. */
    RUN_LOAN_CLOSE(Roles.POSTING),
    /** Change the collectibility thresholds and provision rates. */
    MANAGE_LOAN_CLOSE(Roles.DECIDING);

    private final Set<Role> roles;

    LoanCloseAbility(Set<Role> roles) {
        this.roles = roles;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
