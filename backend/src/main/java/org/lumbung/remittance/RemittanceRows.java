package org.lumbung.remittance;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.lumbung.platform.money.Amounts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.lumbung.db.jooq.Tables.LOAN;
import static org.lumbung.db.jooq.Tables.REMITTANCE;
import static org.lumbung.db.jooq.Tables.REMITTANCE_ALLOCATION;
import static org.lumbung.db.jooq.Tables.SAVINGS_ACCOUNT;

/** The remittance tables' reads and writes; jOOQ stays inside this package. */
final class RemittanceRows {

    /** Numbering of receipts is serialised per cooperative under this advisory lock class (savings use 2, members 1). */
    private static final int RECEIPT_LOCK = 45;

    private RemittanceRows() {
    }

    /** What one receipt stores besides its allocation. */
    record Header(long cooperativeId, long memberId, LocalDate receivedOn, String corridor, RemittanceChannel channel,
                  RemittanceBooking booking, String sentCurrency, BigDecimal sentAmount, BigDecimal fee, AppliedRate rate,
                  String receivedCurrency, BigDecimal receivedAmount, @Nullable String note, String idempotencyKey,
                  String requestHash) {
    }

    /** Inserts a receipt with the next receipt number (gapless: a refused transaction rolls its number back). */
    static long insert(DSLContext dsl, Header h, long journalEntryId, List<Allocation> parts, String actor) {
        dsl.select(DSL.field("pg_advisory_xact_lock({0}, {1})", Object.class, DSL.inline(RECEIPT_LOCK),
                DSL.val((int) h.cooperativeId()))).fetch();
        int next = dsl.select(DSL.coalesce(DSL.max(REMITTANCE.RECEIPT_NUMBER), 0)).from(REMITTANCE)
                .where(REMITTANCE.COOPERATIVE_ID.eq(h.cooperativeId())).fetchOne(0, Integer.class) + 1;
        long id = dsl.insertInto(REMITTANCE)
                .set(REMITTANCE.COOPERATIVE_ID, h.cooperativeId()).set(REMITTANCE.RECEIPT_NUMBER, next)
                .set(REMITTANCE.MEMBER_ID, h.memberId()).set(REMITTANCE.RECEIVED_ON, h.receivedOn())
                .set(REMITTANCE.CORRIDOR, h.corridor()).set(REMITTANCE.CHANNEL, h.channel().name())
                .set(REMITTANCE.BOOKING, h.booking().name()).set(REMITTANCE.SENT_CURRENCY, h.sentCurrency())
                .set(REMITTANCE.SENT_AMOUNT, h.sentAmount()).set(REMITTANCE.FEE, h.fee())
                .set(REMITTANCE.RATE, h.rate().rate()).set(REMITTANCE.RATE_DATE, h.rate().date())
                .set(REMITTANCE.RATE_SOURCE, h.rate().source().name()).set(REMITTANCE.RECEIVED_CURRENCY, h.receivedCurrency())
                .set(REMITTANCE.RECEIVED_AMOUNT, h.receivedAmount()).set(REMITTANCE.JOURNAL_ENTRY_ID, journalEntryId)
                .set(REMITTANCE.NOTE, h.note()).set(REMITTANCE.IDEMPOTENCY_KEY, h.idempotencyKey())
                .set(REMITTANCE.REQUEST_HASH, h.requestHash()).set(REMITTANCE.RECORDED_BY, actor)
                .returning(REMITTANCE.ID).fetchOne(REMITTANCE.ID);
        var insert = dsl.insertInto(REMITTANCE_ALLOCATION, REMITTANCE_ALLOCATION.COOPERATIVE_ID, REMITTANCE_ALLOCATION.REMITTANCE_ID,
                REMITTANCE_ALLOCATION.LINE_NO, REMITTANCE_ALLOCATION.KIND, REMITTANCE_ALLOCATION.AMOUNT,
                REMITTANCE_ALLOCATION.CASH_PAID, REMITTANCE_ALLOCATION.SAVINGS_ACCOUNT_ID, REMITTANCE_ALLOCATION.LOAN_ID);
        for (Allocation a : parts) {
            insert = insert.values(h.cooperativeId(), id, (short) a.lineNo(), a.kind().name(), a.amount(), a.cashPaid(),
                    a.savingsAccountId(), a.loanId());
        }
        insert.execute();
        return id;
    }

    /** The receipt made under an idempotency key, with the hash of the request that made it. */
    static Optional<Map.Entry<Long, String>> byKey(DSLContext dsl, long cooperativeId, String key) {
        return dsl.select(REMITTANCE.ID, REMITTANCE.REQUEST_HASH).from(REMITTANCE)
                .where(REMITTANCE.COOPERATIVE_ID.eq(cooperativeId).and(REMITTANCE.IDEMPOTENCY_KEY.eq(key)))
                .fetchOptional(r -> Map.entry(r.value1(), r.value2()));
    }

    static List<Remittance> find(DSLContext dsl, Condition where, int offset, int limit) {
        List<Record> rows = dsl.select(REMITTANCE.asterisk()).from(REMITTANCE).where(where)
                .orderBy(REMITTANCE.RECEIVED_ON.desc(), REMITTANCE.ID.desc()).offset(offset).limit(limit).fetch();
        Map<Long, List<Allocation>> parts = allocations(dsl, rows.stream().map(r -> r.get(REMITTANCE.ID)).toList());
        return rows.stream().map(r -> toRemittance(r, parts.getOrDefault(r.get(REMITTANCE.ID), List.of()))).toList();
    }

    static int count(DSLContext dsl, Condition where) {
        return dsl.fetchCount(REMITTANCE, where);
    }

    /** Every listed receipt's allocation in one query, with the savings account's or the loan's number. */
    private static Map<Long, List<Allocation>> allocations(DSLContext dsl, List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return dsl.select(REMITTANCE_ALLOCATION.asterisk(), REMITTANCE.RECEIVED_CURRENCY, SAVINGS_ACCOUNT.NUMBER, LOAN.NUMBER)
                .from(REMITTANCE_ALLOCATION).join(REMITTANCE).on(REMITTANCE.ID.eq(REMITTANCE_ALLOCATION.REMITTANCE_ID))
                .leftJoin(SAVINGS_ACCOUNT).on(SAVINGS_ACCOUNT.ID.eq(REMITTANCE_ALLOCATION.SAVINGS_ACCOUNT_ID))
                .leftJoin(LOAN).on(LOAN.ID.eq(REMITTANCE_ALLOCATION.LOAN_ID))
                .where(REMITTANCE_ALLOCATION.REMITTANCE_ID.in(ids)).orderBy(REMITTANCE_ALLOCATION.LINE_NO)
                .fetchGroups(r -> r.get(REMITTANCE_ALLOCATION.REMITTANCE_ID), RemittanceRows::toAllocation);
    }

    private static Allocation toAllocation(Record r) {
        String currency = r.get(REMITTANCE.RECEIVED_CURRENCY);
        BigDecimal cash = r.get(REMITTANCE_ALLOCATION.CASH_PAID);
        String reference = r.get(SAVINGS_ACCOUNT.NUMBER) != null ? r.get(SAVINGS_ACCOUNT.NUMBER) : r.get(LOAN.NUMBER);
        return new Allocation(r.get(REMITTANCE_ALLOCATION.LINE_NO), AllocationKind.valueOf(r.get(REMITTANCE_ALLOCATION.KIND)),
                Amounts.normalise(r.get(REMITTANCE_ALLOCATION.AMOUNT), currency),
                cash == null ? null : Amounts.normalise(cash, currency), r.get(REMITTANCE_ALLOCATION.SAVINGS_ACCOUNT_ID),
                r.get(REMITTANCE_ALLOCATION.LOAN_ID), reference);
    }

    private static Remittance toRemittance(Record r, List<Allocation> parts) {
        String sent = r.get(REMITTANCE.SENT_CURRENCY);
        String received = r.get(REMITTANCE.RECEIVED_CURRENCY);
        return new Remittance(r.get(REMITTANCE.ID), r.get(REMITTANCE.COOPERATIVE_ID), r.get(REMITTANCE.RECEIPT_NUMBER),
                r.get(REMITTANCE.MEMBER_ID), r.get(REMITTANCE.RECEIVED_ON), r.get(REMITTANCE.CORRIDOR),
                RemittanceChannel.valueOf(r.get(REMITTANCE.CHANNEL)), RemittanceBooking.valueOf(r.get(REMITTANCE.BOOKING)),
                sent, Amounts.normalise(r.get(REMITTANCE.SENT_AMOUNT), sent), Amounts.normalise(r.get(REMITTANCE.FEE), sent),
                r.get(REMITTANCE.RATE).stripTrailingZeros(), r.get(REMITTANCE.RATE_DATE),
                RateSource.valueOf(r.get(REMITTANCE.RATE_SOURCE)), received,
                Amounts.normalise(r.get(REMITTANCE.RECEIVED_AMOUNT), received), r.get(REMITTANCE.JOURNAL_ENTRY_ID),
                r.get(REMITTANCE.NOTE), r.get(REMITTANCE.RECORDED_BY), r.get(REMITTANCE.RECORDED_AT).toInstant(), parts);
    }
}
