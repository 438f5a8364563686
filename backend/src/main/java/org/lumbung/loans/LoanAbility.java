package org.lumbung.loans;

import org.lumbung.security.Ability;
import org.lumbung.security.Role;
import org.lumbung.security.Roles;

import java.util.Set;

/** The loans feature's rows of the access table. */
public enum LoanAbility implements Ability {
    /** Read loan products, loans, schedules, transactions and the portfolio. */
    READ_LOANS(Roles.READING, "access.not-allowed"),
    /** A member's own loans: what she owes, her schedule and payments. */
    READ_OWN_LOANS(Roles.of(Role.MEMBER), "access.not-allowed"),
    /** Create and change loan products and the lending limits. */
    MANAGE_LOAN_PRODUCTS(Roles.DECIDING, "access.not-allowed"),
    /** Enter a loan application, ask for a write-off or a lending-limit override, reschedule. */
    APPLY_LOAN(Roles.POSTING, "access.read-only"),
    /** Approve or reject someone else's application, write-off or lending-limit override. */
    APPROVE_LOAN(Roles.DECIDING, "access.loans.decide"),
    /** Pay out an approved loan. */
    DISBURSE_LOAN(Roles.POSTING, "access.read-only"),
    /** Repayments, prepayments and recoveries. */
    RECORD_REPAYMENT(Roles.POSTING, "access.read-only"),
    /** Carry out an approved write-off (the chair, never the one who asked). */
    WRITE_OFF_LOAN(Roles.DECIDING, "access.loans.decide");

    private final Set<Role> roles;
    private final String refusal;

    LoanAbility(Set<Role> roles, String refusal) {
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
