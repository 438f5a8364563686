package org.lumbung.ledger;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;
import static org.lumbung.db.jooq.Tables.JOURNAL_LINE;
import static org.lumbung.db.jooq.Tables.LEDGER_ACCOUNT;

/** Reads posted entries with their lines, on whatever connection (or transaction) it is given. */
final class EntryReader {

    private EntryReader() {
    }

    /** A posted entry of the cooperative, with its lines; not-found for another cooperative's entry. */
    static JournalEntry load(DSLContext dsl, long cooperativeId, long entryId) {
        JournalEntry entry = loadAll(dsl, cooperativeId, List.of(entryId)).get(entryId);
        if (entry == null) {
            throw DomainException.notFound("ledger.entry.not-found", entryId);
        }
        return entry;
    }

    /**
     * Posted entries of the cooperative with their lines, by id, in two statements however many (a replayed
     * batch reads up to a thousand); ids of other cooperatives' entries are absent from the answer.
     */
    static Map<Long, JournalEntry> loadAll(DSLContext dsl, long cooperativeId, Collection<Long> entryIds) {
        if (entryIds.isEmpty()) {
            return Map.of(); // a batch without replays, the usual case, reads nothing
        }
        Long[] ids = entryIds.toArray(Long[]::new);
        Map<Long, List<EntryLine>> lines = new HashMap<>();
        dsl.select(JOURNAL_LINE.ENTRY_ID, JOURNAL_LINE.LINE_NO, JOURNAL_LINE.ACCOUNT_ID, LEDGER_ACCOUNT.CODE,
                        JOURNAL_LINE.SIDE, JOURNAL_LINE.AMOUNT, JOURNAL_LINE.CURRENCY)
                .from(JOURNAL_LINE).join(LEDGER_ACCOUNT).on(LEDGER_ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .where(JOURNAL_LINE.ENTRY_ID.eq(DSL.any(ids)).and(JOURNAL_LINE.COOPERATIVE_ID.eq(cooperativeId)))
                .orderBy(JOURNAL_LINE.ENTRY_ID, JOURNAL_LINE.LINE_NO)
                .forEach(r -> lines.computeIfAbsent(r.get(JOURNAL_LINE.ENTRY_ID), id -> new ArrayList<>())
                        .add(new EntryLine(r.get(JOURNAL_LINE.LINE_NO), r.get(JOURNAL_LINE.ACCOUNT_ID),
                                r.get(LEDGER_ACCOUNT.CODE), Side.ofCode(r.get(JOURNAL_LINE.SIDE)),
                                Amounts.normalise(r.get(JOURNAL_LINE.AMOUNT), r.get(JOURNAL_LINE.CURRENCY)),
                                r.get(JOURNAL_LINE.CURRENCY))));
        Map<Long, JournalEntry> entries = new HashMap<>();
        dsl.selectFrom(JOURNAL_ENTRY)
                .where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId).and(JOURNAL_ENTRY.ID.eq(DSL.any(ids))))
                .forEach(e -> entries.put(e.getId(), new JournalEntry(e.getId(), e.getCooperativeId(), e.getSequence(),
                        e.getIdempotencyKey(), e.getBookingDate(), e.getValueDate(), e.getDescription(), e.getSourceType(),
                        e.getSourceRef(), e.getReversesEntryId(), e.getReversalReason(), e.getCreatedBy(),
                        e.getCreatedAt().toInstant(), e.getPrevHash(), e.getHash(), lines.getOrDefault(e.getId(), List.of()))));
        return entries;
    }

    /** The entry that reversed this one, if any. */
    static Optional<JournalEntry> reversalOf(DSLContext dsl, long cooperativeId, long entryId) {
        return dsl.select(JOURNAL_ENTRY.ID).from(JOURNAL_ENTRY)
                .where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId).and(JOURNAL_ENTRY.REVERSES_ENTRY_ID.eq(entryId)))
                .fetchOptional(JOURNAL_ENTRY.ID).map(id -> load(dsl, cooperativeId, id));
    }
}
