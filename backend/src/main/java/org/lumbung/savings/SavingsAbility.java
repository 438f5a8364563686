package org.lumbung.savings;

import org.lumbung.security.Ability;
import org.lumbung.security.Role;
import org.lumbung.security.Roles;

import java.util.Set;

/** The savings feature's rows of the access table. */
public enum SavingsAbility implements Ability {
    /** Read savings accounts, products, arrears and interest runs. */
    READ_SAVINGS(Roles.READING),
    /** A member's own page: their balances, transactions and receipts. */
    READ_OWN_SAVINGS(Roles.of(Role.MEMBER)),
    /** Deposits, withdrawals, transfers, time deposits, interest postings, exits and imports. */
    RECORD_SAVINGS(Roles.POSTING),
    /** Create and change savings products. */
    MANAGE_PRODUCTS(Roles.DECIDING);

    private final Set<Role> roles;

    SavingsAbility(Set<Role> roles) {
        this.roles = roles;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
