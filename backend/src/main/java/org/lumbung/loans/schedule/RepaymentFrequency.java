package org.lumbung.loans.schedule;

import java.time.LocalDate;

/**
 * How often a loan is repaid. Due dates are anchored on the first due date ({@code firstDueDate} plus
 * k periods), so a monthly loan first due on 31 January falls due on 28/29 February and again on 31 March:
 * the end of a short month never drifts into the following months.
 */
public enum RepaymentFrequency {
    WEEKLY(52),
    FORTNIGHTLY(26),
    MONTHLY(12);

    private final int periodsPerYear;

    RepaymentFrequency(int periodsPerYear) {
        this.periodsPerYear = periodsPerYear;
    }

    /** The nominal number of periods in a year: 52, 26 or 12; a period is 1/periodsPerYear of a year. */
    public int periodsPerYear() {
        return periodsPerYear;
    }

    /** The date {@code periods} periods after {@code anchor} (negative: before). */
    public LocalDate plus(LocalDate anchor, long periods) {
        return switch (this) {
            case WEEKLY -> anchor.plusWeeks(periods);
            case FORTNIGHTLY -> anchor.plusWeeks(2 * periods);
            case MONTHLY -> anchor.plusMonths(periods);
        };
    }

    /** The due date of instalment {@code number} (1-based) of a loan first due on {@code firstDueDate}. */
    public LocalDate dueDate(LocalDate firstDueDate, int number) {
        return plus(firstDueDate, number - 1L);
    }
}
