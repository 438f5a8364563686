package org.lumbung.loans;

/**
 * What a loan is for, from a fixed list (reported by purpose and by the borrower's gender). Food
 * processing, farming and trade are income-generating activities; health care, education and housing
 * are the household's. Loans applied for before the list existed (changeset 034) have none (null):
 * their purpose is only the free text.
 */
public enum LoanPurpose {
    HEALTH_CARE(false), EDUCATION(false), FOOD_PROCESSING(true), FARMING(true), TRADE(true), HOUSING(false), OTHER(false);

    private final boolean incomeGenerating;

    LoanPurpose(boolean incomeGenerating) {
        this.incomeGenerating = incomeGenerating;
    }

    /** Whether the loan finances an income-generating activity (food processing, farming, trade). */
    public boolean incomeGenerating() {
        return incomeGenerating;
    }
}
