package org.lumbung.savings;

import org.jooq.DSLContext;
import org.lumbung.ledger.UsualMovements;
import org.lumbung.platform.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;

import static org.lumbung.db.jooq.Tables.SAVINGS_ACCOUNT;

/**
 * The amount above which a deposit or withdrawal on a savings account is booked only after the person confirms
 * it: the ledger's rule ({@link UsualMovements}) applied to the savings account's sub-account.
 */
@Service
@PreAuthorize("@access.may('RECORD_SAVINGS')")
public class UsualAmounts {

    private final DSLContext dsl;
    private final UsualMovements movements;

    public UsualAmounts(DSLContext dsl, UsualMovements movements) {
        this.dsl = dsl;
        this.movements = movements;
    }

    /** The largest amount booked on this savings account without asking (never less than zero). */
    public BigDecimal confirmAbove(long cooperativeId, long savingsAccountId) {
        Long ledgerAccountId = dsl.select(SAVINGS_ACCOUNT.LEDGER_ACCOUNT_ID).from(SAVINGS_ACCOUNT)
                .where(SAVINGS_ACCOUNT.ID.eq(savingsAccountId).and(SAVINGS_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId)))
                .fetchOne(SAVINGS_ACCOUNT.LEDGER_ACCOUNT_ID);
        DomainException.require(ledgerAccountId != null, "savings.account.not-found", savingsAccountId);
        return movements.confirmAbove(cooperativeId, ledgerAccountId);
    }
}
