package org.lumbung.savings;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.lumbung.db.jooq.Tables.JOURNAL_LINE;
import static org.lumbung.db.jooq.Tables.SAVINGS_ACCOUNT;

/**
 * Whether an amount is far above what an account usually moves, so a screen asks "really?" before it books
 * it: a slip of the finger (an extra 000) is easy to type and costly to reverse. Far above is more than
 * {@code lumbung.amounts.confirm-factor} times the account's average movement (its latest
 * {@value #RECENT_LINES} lines), or more than {@code lumbung.amounts.confirm-above} whatever the account.
 */
@Service
@PreAuthorize("@access.may('RECORD_SAVINGS')")
public class UsualAmounts {

    static final int RECENT_LINES = 200;

    private final DSLContext dsl;
    private final BigDecimal factor;
    private final BigDecimal above;

    public UsualAmounts(DSLContext dsl, @Value("${lumbung.amounts.confirm-factor:100}") BigDecimal factor,
                        @Value("${lumbung.amounts.confirm-above:100000000}") BigDecimal above) {
        this.dsl = dsl;
        this.factor = factor;
        this.above = above;
    }

    /** The largest amount booked on this account without asking (never less than zero). */
    public BigDecimal confirmAbove(long cooperativeId, long savingsAccountId) {
        BigDecimal average = averageMovement(cooperativeId, savingsAccountId);
        if (average == null) {
            return above;
        }
        return above.min(average.multiply(factor).setScale(4, RoundingMode.HALF_EVEN));
    }

    public boolean isFarAboveUsual(long cooperativeId, long savingsAccountId, BigDecimal amount) {
        return amount != null && amount.compareTo(confirmAbove(cooperativeId, savingsAccountId)) > 0;
    }

    private BigDecimal averageMovement(long cooperativeId, long savingsAccountId) {
        var recent = DSL.select(JOURNAL_LINE.AMOUNT).from(JOURNAL_LINE)
                .where(JOURNAL_LINE.ACCOUNT_ID.eq(DSL.select(SAVINGS_ACCOUNT.LEDGER_ACCOUNT_ID).from(SAVINGS_ACCOUNT)
                        .where(SAVINGS_ACCOUNT.ID.eq(savingsAccountId).and(SAVINGS_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId)))))
                .and(JOURNAL_LINE.COOPERATIVE_ID.eq(cooperativeId))
                .orderBy(JOURNAL_LINE.VALUE_DATE.desc(), JOURNAL_LINE.ENTRY_ID.desc())
                .limit(RECENT_LINES).asTable("recent");
        return dsl.select(DSL.avg(recent.field(JOURNAL_LINE.AMOUNT))).from(recent).fetchOne(0, BigDecimal.class);
    }
}
