package org.lumbung.loans;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.lumbung.savings.SavingsHolds;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;

import static org.lumbung.db.jooq.Tables.LOAN;

/** The required savings of the active loans linked to a savings account, blocked until each is repaid. */
@Component
class LoanSavingsHolds implements SavingsHolds {

    private final DSLContext dsl;

    LoanSavingsHolds(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public BigDecimal held(long cooperativeId, long savingsAccountId) {
        BigDecimal held = dsl.select(DSL.sum(LOAN.REQUIRED_SAVINGS)).from(LOAN)
                .where(LOAN.SAVINGS_ACCOUNT_ID.eq(savingsAccountId).and(LOAN.COOPERATIVE_ID.eq(cooperativeId))
                        .and(LOAN.STATUS.eq(LoanStatus.ACTIVE.name())))
                .fetchOne(0, BigDecimal.class);
        return held == null ? BigDecimal.ZERO : held;
    }
}
