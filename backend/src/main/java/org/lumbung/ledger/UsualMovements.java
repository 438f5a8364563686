package org.lumbung.ledger;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.lumbung.security.AccessPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.lumbung.db.jooq.Tables.JOURNAL_LINE;

/**
 * How much an account usually moves, so a screen asks "really?" before it books an amount far above it: a slip
 * of the finger (an extra 000) is easy to type and is corrected only by a reversal. Far above is more than
 * {@code lumbung.amounts.confirm-factor} times the account's average movement (its latest
 * {@value #RECENT_LINES} lines), or more than {@code lumbung.amounts.confirm-above} whatever the account.
 */
@Service
public class UsualMovements {

    static final int RECENT_LINES = 200;

    private final DSLContext dsl;
    private final AccessPolicy access;
    private final BigDecimal factor;
    private final BigDecimal above;

    public UsualMovements(DSLContext dsl, AccessPolicy access,
                          @Value("${lumbung.amounts.confirm-factor:100}") BigDecimal factor,
                          @Value("${lumbung.amounts.confirm-above:100000000}") BigDecimal above) {
        this.dsl = dsl;
        this.access = access;
        this.factor = factor;
        this.above = above;
    }

    /** The largest amount booked on this ledger account without asking (never less than zero). */
    public BigDecimal confirmAbove(long cooperativeId, long ledgerAccountId) {
        access.requireRead(cooperativeId);
        BigDecimal average = averageMovement(cooperativeId, ledgerAccountId);
        if (average == null) {
            return above;
        }
        return above.min(average.multiply(factor).setScale(4, RoundingMode.HALF_EVEN));
    }

    private BigDecimal averageMovement(long cooperativeId, long ledgerAccountId) {
        var recent = DSL.select(JOURNAL_LINE.AMOUNT).from(JOURNAL_LINE)
                .where(JOURNAL_LINE.ACCOUNT_ID.eq(ledgerAccountId))
                .and(JOURNAL_LINE.COOPERATIVE_ID.eq(cooperativeId))
                .orderBy(JOURNAL_LINE.VALUE_DATE.desc(), JOURNAL_LINE.ENTRY_ID.desc())
                .limit(RECENT_LINES).asTable("recent");
        return dsl.select(DSL.avg(recent.field(JOURNAL_LINE.AMOUNT))).from(recent).fetchOne(0, BigDecimal.class);
    }
}
