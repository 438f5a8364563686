package org.lumbung.loans;

import org.jooq.DSLContext;
import org.lumbung.members.ExitCheck;
import org.lumbung.platform.DomainException;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.lumbung.db.jooq.Tables.LOAN;

/**
 * A member with a loan applied for, approved or running may not leave: the exit would credit the loan's account to
 * zero while the loan stayed active, its instalments falling overdue every night. She repays it first (from her
 * savings if she likes) or the chair writes it off; an application is rejected or withdrawn.
 */
@Component
class LoansBeforeExit implements ExitCheck {

    private static final List<String> OPEN = List.of(LoanStatus.APPLIED.name(), LoanStatus.APPROVED.name(),
            LoanStatus.ACTIVE.name());

    private final DSLContext dsl;

    LoansBeforeExit(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void requireNothingOpen(long cooperativeId, long memberId) {
        dsl.select(LOAN.NUMBER).from(LOAN)
                .where(LOAN.COOPERATIVE_ID.eq(cooperativeId).and(LOAN.MEMBER_ID.eq(memberId)).and(LOAN.STATUS.in(OPEN)))
                .orderBy(LOAN.ID).limit(1).fetchOptional(LOAN.NUMBER)
                .ifPresent(number -> {
                    throw DomainException.invalid("loans.exit.open-loan", number);
                });
    }
}
