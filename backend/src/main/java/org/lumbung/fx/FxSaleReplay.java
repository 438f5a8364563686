package org.lumbung.fx;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.lumbung.ledger.EntryLine;
import org.lumbung.ledger.JournalEntry;
import org.lumbung.ledger.Side;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;
import static org.lumbung.db.jooq.Tables.JOURNAL_LINE;

/** What a replayed sale needs of the first: its entry by key, its lines, and the position just before it. */
final class FxSaleReplay {

    private FxSaleReplay() {
    }

    static Optional<Long> entryId(DSLContext dsl, long cooperativeId, String key) {
        return key == null ? Optional.empty() : dsl.select(JOURNAL_ENTRY.ID).from(JOURNAL_ENTRY)
                .where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId).and(JOURNAL_ENTRY.IDEMPOTENCY_KEY.eq(key)))
                .fetchOptional(JOURNAL_ENTRY.ID);
    }

    /** The entry's amounts on one side of an account, zero when it has none. */
    static BigDecimal amount(JournalEntry entry, String accountCode, Side side) {
        return entry.lines().stream().filter(l -> l.accountCode().equals(accountCode) && l.side() == side)
                .map(EntryLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The position as the first sale saw it: the two position accounts' lines of the entries before it. */
    static FxPosition positionBefore(DSLContext dsl, long cooperativeId, long entryId, String currency, long positionId,
                                     long costId) {
        var signed = DSL.sum(DSL.when(JOURNAL_LINE.SIDE.eq("D"), JOURNAL_LINE.AMOUNT).otherwise(JOURNAL_LINE.AMOUNT.neg()));
        Map<Long, BigDecimal> balances = dsl.select(JOURNAL_LINE.ACCOUNT_ID, signed).from(JOURNAL_LINE)
                .where(JOURNAL_LINE.COOPERATIVE_ID.eq(cooperativeId).and(JOURNAL_LINE.ACCOUNT_ID.in(positionId, costId))
                        .and(JOURNAL_LINE.ENTRY_ID.lt(entryId)))
                .groupBy(JOURNAL_LINE.ACCOUNT_ID).fetchMap(JOURNAL_LINE.ACCOUNT_ID, signed);
        return new FxPosition(currency, balances.getOrDefault(positionId, BigDecimal.ZERO).negate(),
                balances.getOrDefault(costId, BigDecimal.ZERO));
    }
}
