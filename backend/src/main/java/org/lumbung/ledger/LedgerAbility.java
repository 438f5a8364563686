package org.lumbung.ledger;

import org.lumbung.security.Ability;
import org.lumbung.security.Role;
import org.lumbung.security.Roles;

import java.util.Set;

/** The ledger's rows of the access table. */
public enum LedgerAbility implements Ability {
    /**
     * Read the journal, the chart, the periods, the trial balance and the chain's verification: what the statements
     * are made of and drill down to (a federation reads them too).
     */
    READ_LEDGER(Roles.STATEMENTS, "access.not-allowed"),
    /** Post and reverse entries, open accounts, ask for approvals. */
    POST_ENTRY(Roles.POSTING, "access.read-only"),
    /** Close and reopen accounting periods. */
    CLOSE_PERIOD(Roles.DECIDING, "access.period-closing"),
    /** Approve or reject what someone else asked for (maker-checker). */
    DECIDE_APPROVAL(Roles.DECIDING, "access.period-closing");

    private final Set<Role> roles;
    private final String refusal;

    LedgerAbility(Set<Role> roles, String refusal) {
        this.roles = roles;
        this.refusal = refusal;
    }

    @Override
    public String refusal() {
        return refusal;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
