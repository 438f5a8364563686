package org.lumbung.loans.schedule;

import java.util.List;

import static org.lumbung.loans.schedule.Component.FEES;
import static org.lumbung.loans.schedule.Component.INTEREST;
import static org.lumbung.loans.schedule.Component.PENALTY;
import static org.lumbung.loans.schedule.Component.PRINCIPAL;

/**
 * In which order a repayment settles what is outstanding, after Apache Fineract's repayment strategies.
 * A <em>vertical</em> order settles the oldest instalment completely, component by component, before the next;
 * a <em>horizontal</em> order settles one component across all instalments (oldest first) before the next
 * component.
 */
public enum AllocationOrder {
    /** The default (Fineract's standard strategy): per instalment, oldest first, penalty → fees → interest → principal. */
    PENALTY_FEES_INTEREST_PRINCIPAL(false, List.of(PENALTY, FEES, INTEREST, PRINCIPAL)),
    /** Per instalment, oldest first, interest → principal → penalty → fees (Fineract's "Interest, Principal, Penalties, Fees"). */
    INTEREST_PRINCIPAL_PENALTY_FEES(false, List.of(INTEREST, PRINCIPAL, PENALTY, FEES)),
    /** Per instalment, oldest first, principal → interest → penalty → fees (Fineract's "Principal, Interest, Penalties, Fees"). */
    PRINCIPAL_INTEREST_PENALTY_FEES(false, List.of(PRINCIPAL, INTEREST, PENALTY, FEES)),
    /**
     * Horizontal: all penalties, then all fees, then all interest, then all principal, each oldest first
     * (Fineract's "Overdue/Due Fee/Int, Principal": the charges of every late instalment before any principal).
     */
    ALL_PENALTY_FEES_INTEREST_THEN_PRINCIPAL(true, List.of(PENALTY, FEES, INTEREST, PRINCIPAL)),
    /**
     * Horizontal, for an overdue restructure: all principal first (oldest first), then interest, fees and
     * penalties, so the borrower's payments reduce the balance that earns interest.
     */
    PRINCIPAL_FIRST(true, List.of(PRINCIPAL, INTEREST, FEES, PENALTY));

    private final boolean horizontal;
    private final List<Component> components;

    AllocationOrder(boolean horizontal, List<Component> components) {
        this.horizontal = horizontal;
        this.components = components;
    }

    public boolean horizontal() {
        return horizontal;
    }

    /** The components in the order they are settled. */
    public List<Component> components() {
        return components;
    }
}
