package org.lumbung.reports;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.lumbung.ledger.EntryLine;
import org.lumbung.ledger.JournalEntry;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.Side;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.lumbung.db.jooq.Tables.YEAR_CLOSE;

/**
 * The year-end closing entries and their reversals (reopenings), as the statements need them: they move
 * income and expenses to the surplus account but are no income or expense of any period.
 */
@Component
@PreAuthorize("@access.may('READ_LEDGER')")
public class YearEndEntries {

    private final DSLContext dsl;
    private final LedgerService ledger;

    public YearEndEntries(DSLContext dsl, LedgerService ledger) {
        this.dsl = dsl;
        this.ledger = ledger;
    }

    /** Every closing entry of the cooperative and, after each, its reversal if the year was reopened. */
    List<JournalEntry> closingAndReopening(long cooperativeId) {
        List<Long> closes = dsl.select(YEAR_CLOSE.ENTRY_ID).from(YEAR_CLOSE)
                .where(YEAR_CLOSE.COOPERATIVE_ID.eq(cooperativeId)).orderBy(YEAR_CLOSE.ENTRY_ID).fetch(YEAR_CLOSE.ENTRY_ID);
        return closes.stream().flatMap(id -> Stream.concat(Stream.of(ledger.entry(cooperativeId, id)),
                ledger.reversalOf(cooperativeId, id).stream())).toList();
    }

    /** The latest closing entry of a fiscal year that is not reversed: the year is closed by it. */
    Optional<JournalEntry> standingClose(long cooperativeId, int fiscalYear) {
        return dsl.select(YEAR_CLOSE.ENTRY_ID).from(YEAR_CLOSE)
                .where(YEAR_CLOSE.COOPERATIVE_ID.eq(cooperativeId).and(YEAR_CLOSE.FISCAL_YEAR.eq(fiscalYear)))
                .orderBy(YEAR_CLOSE.ENTRY_ID.desc()).limit(1).fetchOptional(YEAR_CLOSE.ENTRY_ID)
                .filter(id -> ledger.reversalOf(cooperativeId, id).isEmpty())
                .map(id -> ledger.entry(cooperativeId, id));
    }

    /**
     * Per account code, debits less credits of the reopenings that the balances at the end of {@code day} do not
     * show yet: reversals dated after the day of closes dated on or before it. A year reopened today is closed again
     * on its last day from its balances as they were before the first close.
     */
    Map<String, BigDecimal> reopenedAfter(long cooperativeId, LocalDate day) {
        Map<String, BigDecimal> moved = new HashMap<>();
        for (JournalEntry e : closingAndReopening(cooperativeId)) {
            if (e.reversesEntryId() != null && e.valueDate().isAfter(day)
                    && !ledger.entry(cooperativeId, e.reversesEntryId()).valueDate().isAfter(day)) {
                addLines(moved, e, null);
            }
        }
        return moved;
    }

    private static void addLines(Map<String, BigDecimal> moved, JournalEntry e, @Nullable String currency) {
        for (EntryLine l : e.lines()) {
            if (currency == null || l.currency().equals(currency)) {
                moved.merge(l.accountCode(), l.side() == Side.DEBIT ? l.amount() : l.amount().negate(), BigDecimal::add);
            }
        }
    }

    /** Per account code, the debits (or the credits) of the closing and reopening entries of the currency within the dates. */
    Map<String, BigDecimal> closingSide(long cooperativeId, LocalDate from, LocalDate to, String currency, Side side) {
        Map<String, BigDecimal> moved = new HashMap<>();
        for (JournalEntry e : closingAndReopening(cooperativeId)) {
            if (!e.valueDate().isBefore(from) && !e.valueDate().isAfter(to)) {
                e.lines().stream().filter(l -> l.side() == side && l.currency().equals(currency))
                        .forEach(l -> moved.merge(l.accountCode(), l.amount(), BigDecimal::add));
            }
        }
        return moved;
    }

    /** Per account code, debits less credits of the closing and reopening entries of the currency within the dates. */
    Map<String, BigDecimal> closingMovements(long cooperativeId, LocalDate from, LocalDate to, String currency) {
        Map<String, BigDecimal> moved = new HashMap<>();
        for (JournalEntry e : closingAndReopening(cooperativeId)) {
            if (!e.valueDate().isBefore(from) && !e.valueDate().isAfter(to)) {
                addLines(moved, e, currency);
            }
        }
        return moved;
    }
}
