package org.lumbung.savings;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep13;
import org.jooq.Record;
import org.jooq.Records;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.lumbung.db.jooq.tables.SavingsAccount;
import org.lumbung.db.jooq.tables.records.SavingsTransactionRecord;
import org.lumbung.ledger.PostingResult;
import org.lumbung.platform.money.Amounts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;
import static org.lumbung.db.jooq.Tables.JOURNAL_LINE;
import static org.lumbung.db.jooq.Tables.LEDGER_ACCOUNT;
import static org.lumbung.db.jooq.Tables.SAVINGS_ACCOUNT;
import static org.lumbung.db.jooq.Tables.SAVINGS_PRODUCT;
import static org.lumbung.db.jooq.Tables.SAVINGS_TRANSACTION;

/** The savings tables' reads and writes shared by the savings services; jOOQ stays inside this package. */
final class SavingsRows {

    private static final SavingsAccount COUNTER = SAVINGS_ACCOUNT.as("counter");

    private SavingsRows() {
    }

    /** Accounts with their product and the ledger's maintained totals: one query, no N+1. */
    static SelectJoinStep<Record> accounts(DSLContext dsl) {
        return dsl.select(SAVINGS_ACCOUNT.asterisk(), SAVINGS_PRODUCT.asterisk(), LEDGER_ACCOUNT.DEBIT_TOTAL,
                        LEDGER_ACCOUNT.CREDIT_TOTAL)
                .from(SAVINGS_ACCOUNT)
                .join(SAVINGS_PRODUCT).on(SAVINGS_PRODUCT.ID.eq(SAVINGS_ACCOUNT.PRODUCT_ID))
                .join(LEDGER_ACCOUNT).on(LEDGER_ACCOUNT.ID.eq(SAVINGS_ACCOUNT.LEDGER_ACCOUNT_ID));
    }

    static org.lumbung.savings.SavingsAccount toAccount(Record r) {
        SavingsProduct product = SavingsProducts.toProduct(r);
        String currency = product.currency();
        // savings are credit-normal: the balance is what the cooperative owes the member
        BigDecimal balance = r.get(LEDGER_ACCOUNT.CREDIT_TOTAL).subtract(r.get(LEDGER_ACCOUNT.DEBIT_TOTAL));
        BigDecimal principal = r.get(SAVINGS_ACCOUNT.PRINCIPAL);
        return new org.lumbung.savings.SavingsAccount(r.get(SAVINGS_ACCOUNT.ID), r.get(SAVINGS_ACCOUNT.COOPERATIVE_ID),
                r.get(SAVINGS_ACCOUNT.MEMBER_ID), product, r.get(SAVINGS_ACCOUNT.NUMBER), Amounts.normalise(balance, currency),
                "ACTIVE".equals(r.get(SAVINGS_ACCOUNT.STATUS)), r.get(SAVINGS_ACCOUNT.OPENED_ON), r.get(SAVINGS_ACCOUNT.CLOSED_ON),
                principal == null ? null : Amounts.normalise(principal, currency), r.get(SAVINGS_ACCOUNT.MATURITY_ON));
    }

    static SelectJoinStep<Record> transactions(DSLContext dsl) {
        return dsl.select(SAVINGS_TRANSACTION.asterisk(), SAVINGS_ACCOUNT.NUMBER, COUNTER.NUMBER)
                .from(SAVINGS_TRANSACTION)
                .join(SAVINGS_ACCOUNT).on(SAVINGS_ACCOUNT.ID.eq(SAVINGS_TRANSACTION.ACCOUNT_ID))
                .leftJoin(COUNTER).on(COUNTER.ID.eq(SAVINGS_TRANSACTION.COUNTER_ACCOUNT_ID));
    }

    static SavingsTransaction toTransaction(Record r) {
        String currency = r.get(SAVINGS_TRANSACTION.CURRENCY);
        return new SavingsTransaction(r.get(SAVINGS_TRANSACTION.ID), r.get(SAVINGS_TRANSACTION.RECEIPT_NUMBER),
                TransactionKind.valueOf(r.get(SAVINGS_TRANSACTION.KIND)), r.get(SAVINGS_TRANSACTION.MEMBER_ID),
                r.get(SAVINGS_TRANSACTION.ACCOUNT_ID), r.get(SAVINGS_ACCOUNT.NUMBER), r.get(COUNTER.NUMBER),
                Amounts.normalise(r.get(SAVINGS_TRANSACTION.AMOUNT), currency), currency,
                r.get(SAVINGS_TRANSACTION.VALUE_DATE), r.get(SAVINGS_TRANSACTION.JOURNAL_ENTRY_ID),
                r.get(SAVINGS_TRANSACTION.NOTE), r.get(SAVINGS_TRANSACTION.RECORDED_BY),
                r.get(SAVINGS_TRANSACTION.RECORDED_AT).toInstant(),
                r.get(SAVINGS_TRANSACTION.SOURCE) == null ? null : DepositSource.valueOf(r.get(SAVINGS_TRANSACTION.SOURCE)));
    }

    /** Records the savings services' own transactions for their posted journal entries, one entry each (see {@link #insert}). */
    static List<SavingsTransaction> record(DSLContext dsl, long cooperativeId, TransactionKind kind,
                                           List<org.lumbung.savings.SavingsAccount> accounts,
                                           org.lumbung.savings.@Nullable SavingsAccount counter, List<Movement> movements,
                                           List<PostingResult> posted, String actor) {
        List<Row> rows = new ArrayList<>(movements.size());
        for (int i = 0; i < movements.size(); i++) {
            Movement m = movements.get(i);
            rows.add(new Row(m.amount(), m.valueDate(), m.note(), posted.get(i).entry().id()));
        }
        return insert(dsl, cooperativeId, kind, accounts, counter, rows, null, actor);
    }

    /** One transaction to record: its amount, value date, note and the journal entry carrying its money. */
    record Row(BigDecimal amount, LocalDate valueDate, @Nullable String note, long journalEntryId) {
    }

    /**
     * Records savings transactions, numbering their receipts; {@code source} names the feature that booked them in its
     * own entry (null for the savings services'). Receipt numbers are gapless per cooperative: a transaction-scoped
     * advisory lock serialises numbering, and a refused transaction rolls its numbers back with it.
     */
    static List<SavingsTransaction> insert(DSLContext dsl, long cooperativeId, TransactionKind kind,
                                           List<org.lumbung.savings.SavingsAccount> accounts,
                                           org.lumbung.savings.@Nullable SavingsAccount counter, List<Row> rows,
                                           @Nullable String source,
                                           String actor) {
        dsl.select(DSL.field("pg_advisory_xact_lock({0}, {1})", Object.class, DSL.inline(2), DSL.val((int) cooperativeId))).fetch();
        int next = dsl.select(DSL.coalesce(DSL.max(SAVINGS_TRANSACTION.RECEIPT_NUMBER), 0)).from(SAVINGS_TRANSACTION)
                .where(SAVINGS_TRANSACTION.COOPERATIVE_ID.eq(cooperativeId)).fetchOne(0, Integer.class) + 1;
        InsertValuesStep13<SavingsTransactionRecord, Long, Integer, String, Long, Long, Long, BigDecimal, String, LocalDate,
                Long, String, String, String> insert = dsl.insertInto(SAVINGS_TRANSACTION,
                SAVINGS_TRANSACTION.COOPERATIVE_ID, SAVINGS_TRANSACTION.RECEIPT_NUMBER, SAVINGS_TRANSACTION.KIND,
                SAVINGS_TRANSACTION.MEMBER_ID, SAVINGS_TRANSACTION.ACCOUNT_ID, SAVINGS_TRANSACTION.COUNTER_ACCOUNT_ID,
                SAVINGS_TRANSACTION.AMOUNT, SAVINGS_TRANSACTION.CURRENCY, SAVINGS_TRANSACTION.VALUE_DATE,
                SAVINGS_TRANSACTION.JOURNAL_ENTRY_ID, SAVINGS_TRANSACTION.NOTE, SAVINGS_TRANSACTION.RECORDED_BY,
                SAVINGS_TRANSACTION.SOURCE);
        for (int i = 0; i < rows.size(); i++) {
            org.lumbung.savings.SavingsAccount account = accounts.get(i);
            Row r = rows.get(i);
            insert = insert.values(cooperativeId, next + i, kind.name(), account.memberId(), account.id(),
                    counter == null ? null : counter.id(), r.amount(), account.currency(), r.valueDate(),
                    r.journalEntryId(), r.note() == null || r.note().isBlank() ? null : r.note().strip(), actor, source);
        }
        List<Long> ids = insert.returning(SAVINGS_TRANSACTION.ID).fetch(SAVINGS_TRANSACTION.ID);
        return transactions(dsl).where(SAVINGS_TRANSACTION.ID.in(ids)).orderBy(SAVINGS_TRANSACTION.ID)
                .fetch(SavingsRows::toTransaction);
    }

    /** The balance of a savings account right after a journal entry (credits less debits up to it). */
    static BigDecimal balanceAfter(DSLContext dsl, long cooperativeId, long savingsAccountId, long entryId, String currency) {
        return balance(dsl, cooperativeId, savingsAccountId, JOURNAL_LINE.ENTRY_ID.le(entryId), currency);
    }

    /** The account's balance at the end of a day by value date: back-dated entries counted on their own days. */
    static BigDecimal balanceAsOf(DSLContext dsl, long cooperativeId, long savingsAccountId, LocalDate day, String currency) {
        return balance(dsl, cooperativeId, savingsAccountId, JOURNAL_LINE.VALUE_DATE.le(day), currency);
    }

    /**
     * The balance after each of {@code entryIds}: the running sum of the account's lines dated up to {@code to}, taken
     * in value-date order (then as booked), so a back-dated entry counts on its own day.
     */
    static Map<Long, BigDecimal> balancesAfter(DSLContext dsl, long cooperativeId, long savingsAccountId, LocalDate to,
                                              Collection<Long> entryIds, String currency) {
        Map<Long, BigDecimal> after = new HashMap<>();
        dsl.resultQuery("""
                select entry_id, sum(sum(case when side = 'C' then amount else -amount end))
                         over (order by min(value_date), entry_id) as balance
                  from journal_line
                 where cooperative_id = {0} and value_date <= {1}
                   and account_id = (select ledger_account_id from savings_account where id = {2})
                 group by entry_id""", DSL.val(cooperativeId), DSL.val(to), DSL.val(savingsAccountId))
                .forEach(r -> {
                    long entry = r.get(0, Long.class);
                    if (entryIds.contains(entry)) {
                        after.put(entry, Amounts.normalise(r.get(1, BigDecimal.class), currency));
                    }
                });
        return after;
    }

    /** The sum of the account's ledger lines that meet {@code which}, credits less debits. */
    private static BigDecimal balance(DSLContext dsl, long cooperativeId, long savingsAccountId, Condition which, String currency) {
        BigDecimal balance = dsl.select(DSL.sum(DSL.when(JOURNAL_LINE.SIDE.eq("C"), JOURNAL_LINE.AMOUNT)
                        .otherwise(JOURNAL_LINE.AMOUNT.neg())))
                .from(JOURNAL_LINE)
                .where(JOURNAL_LINE.COOPERATIVE_ID.eq(cooperativeId)
                        .and(JOURNAL_LINE.ACCOUNT_ID.eq(DSL.select(SAVINGS_ACCOUNT.LEDGER_ACCOUNT_ID).from(SAVINGS_ACCOUNT)
                                .where(SAVINGS_ACCOUNT.ID.eq(savingsAccountId))))
                        .and(which))
                .fetchOne(0, BigDecimal.class);
        return Amounts.normalise(balance == null ? BigDecimal.ZERO : balance, currency);
    }

    /** The journal entry's sequence number and fingerprint, printed on a receipt as its proof. */
    static EntryProof entryProof(DSLContext dsl, long entryId) {
        return dsl.select(JOURNAL_ENTRY.SEQUENCE, JOURNAL_ENTRY.HASH).from(JOURNAL_ENTRY)
                .where(JOURNAL_ENTRY.ID.eq(entryId)).fetchSingle(Records.mapping(EntryProof::new));
    }

    /** What a receipt prints as proof of its journal entry: the entry's number in the chain and its fingerprint. */
    record EntryProof(long sequence, String fingerprint) {
    }
}
