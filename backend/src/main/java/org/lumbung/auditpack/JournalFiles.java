package org.lumbung.auditpack;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.lumbung.db.jooq.tables.JournalEntry;
import org.lumbung.db.jooq.tables.LedgerAccount;
import org.lumbung.ledger.EntryFingerprint;
import org.lumbung.ledger.TrialBalance;
import org.lumbung.platform.money.Amounts;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;
import static org.lumbung.db.jooq.Tables.JOURNAL_LINE;
import static org.lumbung.db.jooq.Tables.LEDGER_ACCOUNT;

/**
 * The pack's CSV files (docs/audit-pack.md): the journal (one row per line, the entry's fields repeated, text
 * exactly as the canonical encoding writes it), the chain, the accounts and the currencies' minor units, the
 * trial balance. Read through database cursors and written as they come: memory stays bounded for any history.
 */
final class JournalFiles {

    static final String[] JOURNAL_COLUMNS = {"sequence", "hash_version", "key", "booking_date", "value_date", "description",
            "source_type", "source_ref", "reverses_sequence", "reverses_entry_id", "reason", "created_by", "created_at",
            "line_no", "account", "side", "amount", "currency"};
    static final String[] CHAIN_COLUMNS = {"sequence", "hash_version", "prev_hash", "fingerprint", "line_count"};
    static final String[] ACCOUNT_COLUMNS = {"code", "type", "currency", "control_account", "name"};
    static final String[] TRIAL_BALANCE_COLUMNS = {"code", "name", "type", "currency", "debit_turnover", "credit_turnover",
            "debit", "credit"};
    private static final int FETCH_SIZE = 2_000;
    private static final JournalEntry REVERSED = JOURNAL_ENTRY.as("reversed");
    private static final LedgerAccount CONTROL = LEDGER_ACCOUNT.as("control");

    private JournalFiles() {
    }

    /** Every line of every entry in the chain's order; entries after {@code headSequence} are left out. */
    static void journal(DSLContext tx, long cooperativeId, long headSequence, OutputStream out) throws IOException {
        try (CSVPrinter csv = printer(out, JOURNAL_COLUMNS);
             Cursor<? extends Record> rows = tx.select(JOURNAL_ENTRY.SEQUENCE, JOURNAL_ENTRY.HASH_VERSION,
                             JOURNAL_ENTRY.IDEMPOTENCY_KEY, JOURNAL_ENTRY.BOOKING_DATE, JOURNAL_ENTRY.VALUE_DATE,
                             JOURNAL_ENTRY.DESCRIPTION, JOURNAL_ENTRY.SOURCE_TYPE, JOURNAL_ENTRY.SOURCE_REF, REVERSED.SEQUENCE,
                             JOURNAL_ENTRY.REVERSES_ENTRY_ID, JOURNAL_ENTRY.REVERSAL_REASON, JOURNAL_ENTRY.CREATED_BY,
                             JOURNAL_ENTRY.CREATED_AT, JOURNAL_LINE.LINE_NO, LEDGER_ACCOUNT.CODE, JOURNAL_LINE.SIDE,
                             JOURNAL_LINE.AMOUNT, JOURNAL_LINE.CURRENCY)
                     .from(JOURNAL_ENTRY)
                     .join(JOURNAL_LINE).on(JOURNAL_LINE.ENTRY_ID.eq(JOURNAL_ENTRY.ID))
                     .join(LEDGER_ACCOUNT).on(LEDGER_ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                     .leftJoin(REVERSED).on(REVERSED.ID.eq(JOURNAL_ENTRY.REVERSES_ENTRY_ID))
                     .where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId).and(JOURNAL_ENTRY.SEQUENCE.le(headSequence)))
                     .orderBy(JOURNAL_ENTRY.SEQUENCE, JOURNAL_LINE.LINE_NO)
                     .fetchSize(FETCH_SIZE).fetchLazy()) {
            for (Record r : rows) {
                Long reverses = r.get(REVERSED.SEQUENCE);
                Long reversesId = r.get(JOURNAL_ENTRY.REVERSES_ENTRY_ID);
                csv.printRecord(r.get(JOURNAL_ENTRY.SEQUENCE), r.get(JOURNAL_ENTRY.HASH_VERSION),
                        EntryFingerprint.encoded(r.get(JOURNAL_ENTRY.IDEMPOTENCY_KEY)), r.get(JOURNAL_ENTRY.BOOKING_DATE),
                        r.get(JOURNAL_ENTRY.VALUE_DATE), EntryFingerprint.encoded(r.get(JOURNAL_ENTRY.DESCRIPTION)),
                        EntryFingerprint.encoded(r.get(JOURNAL_ENTRY.SOURCE_TYPE)),
                        EntryFingerprint.encoded(r.get(JOURNAL_ENTRY.SOURCE_REF)),
                        EntryFingerprint.encoded(reverses == null ? null : reverses.toString()),
                        EntryFingerprint.encoded(reversesId == null ? null : reversesId.toString()),
                        EntryFingerprint.encoded(r.get(JOURNAL_ENTRY.REVERSAL_REASON)),
                        EntryFingerprint.encoded(r.get(JOURNAL_ENTRY.CREATED_BY)),
                        EntryFingerprint.encodedInstant(r.get(JOURNAL_ENTRY.CREATED_AT).toInstant()),
                        r.get(JOURNAL_LINE.LINE_NO), EntryFingerprint.encoded(r.get(LEDGER_ACCOUNT.CODE)), r.get(JOURNAL_LINE.SIDE),
                        r.get(JOURNAL_LINE.AMOUNT).toPlainString(), r.get(JOURNAL_LINE.CURRENCY));
            }
        }
    }

    /** Each entry's link in the chain, up to {@code headSequence}. */
    static void chain(DSLContext tx, long cooperativeId, long headSequence, OutputStream out) throws IOException {
        try (CSVPrinter csv = printer(out, CHAIN_COLUMNS);
             Cursor<? extends Record> rows = tx.select(JOURNAL_ENTRY.SEQUENCE, JOURNAL_ENTRY.HASH_VERSION,
                             JOURNAL_ENTRY.PREV_HASH, JOURNAL_ENTRY.HASH, JOURNAL_ENTRY.LINE_COUNT)
                     .from(JOURNAL_ENTRY)
                     .where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId).and(JOURNAL_ENTRY.SEQUENCE.le(headSequence)))
                     .orderBy(JOURNAL_ENTRY.SEQUENCE).fetchSize(FETCH_SIZE).fetchLazy()) {
            for (Record r : rows) {
                csv.printRecord(r.get(JOURNAL_ENTRY.SEQUENCE), r.get(JOURNAL_ENTRY.HASH_VERSION), r.get(JOURNAL_ENTRY.PREV_HASH),
                        r.get(JOURNAL_ENTRY.HASH), r.get(JOURNAL_ENTRY.LINE_COUNT));
            }
        }
    }

    /** Every account that takes postings; a member's sub-account names its control account (the trial balance's line). */
    static void accounts(DSLContext tx, long cooperativeId, OutputStream out) throws IOException {
        try (CSVPrinter csv = printer(out, ACCOUNT_COLUMNS);
             Cursor<? extends Record> rows = tx.select(LEDGER_ACCOUNT.CODE, LEDGER_ACCOUNT.TYPE, LEDGER_ACCOUNT.CURRENCY,
                             CONTROL.CODE, LEDGER_ACCOUNT.NAME_ID)
                     .from(LEDGER_ACCOUNT)
                     .leftJoin(CONTROL).on(CONTROL.ID.eq(LEDGER_ACCOUNT.PARENT_ID).and(LEDGER_ACCOUNT.MEMBER_ID.isNotNull()))
                     .where(LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId).and(LEDGER_ACCOUNT.HEADER.isFalse()))
                     .orderBy(LEDGER_ACCOUNT.CODE).fetchSize(FETCH_SIZE).fetchLazy()) {
            for (Record r : rows) {
                String control = r.get(CONTROL.CODE);
                csv.printRecord(r.get(LEDGER_ACCOUNT.CODE), r.get(LEDGER_ACCOUNT.TYPE), r.get(LEDGER_ACCOUNT.CURRENCY),
                        control == null ? "" : control, r.get(LEDGER_ACCOUNT.NAME_ID));
            }
        }
    }

    /** The minor units of each currency the cooperative keeps accounts in (version 1 of the encoding needs them). */
    static void currencies(DSLContext tx, long cooperativeId, OutputStream out) throws IOException {
        try (CSVPrinter csv = printer(out, "currency", "minor_units")) {
            for (String currency : tx.selectDistinct(LEDGER_ACCOUNT.CURRENCY).from(LEDGER_ACCOUNT)
                    .where(LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId)).orderBy(LEDGER_ACCOUNT.CURRENCY)
                    .fetch(LEDGER_ACCOUNT.CURRENCY)) {
                csv.printRecord(currency, Amounts.minorUnits(currency));
            }
        }
    }

    /** The ledger's trial balance, rolled up (members' sub-accounts in their control account's line). */
    static void trialBalance(TrialBalance tb, OutputStream out) throws IOException {
        try (CSVPrinter csv = printer(out, TRIAL_BALANCE_COLUMNS)) {
            for (TrialBalance.Row r : tb.rows()) {
                csv.printRecord(r.code(), r.nameId(), r.type(), r.currency(), r.debitTurnover().toPlainString(),
                        r.creditTurnover().toPlainString(), r.debit().toPlainString(), r.credit().toPlainString());
            }
        }
    }

    private static CSVPrinter printer(OutputStream out, String... header) throws IOException {
        return new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16),
                CSVFormat.RFC4180.builder().setHeader(header).setRecordSeparator('\n').get());
    }
}
