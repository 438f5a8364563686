package org.lumbung.loans.schedule;

/** How the interest of a loan is computed; see {@link ScheduleCalculator} for each formula. */
public enum InterestMethod {
    /** Bunga flat: every period's interest is on the original principal. */
    FLAT,
    /** Declining balance, equal instalments (annuity): interest on the outstanding balance. */
    DECLINING_ANNUITY,
    /** Declining balance, equal principal parts: interest on the outstanding balance, instalments decrease. */
    DECLINING_EQUAL_PRINCIPAL
}
