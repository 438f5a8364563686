package org.lumbung.reports;

import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.lumbung.ledger.AccountType;
import org.lumbung.platform.money.Amounts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import static org.lumbung.db.jooq.Tables.COOPERATIVE;
import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;
import static org.lumbung.db.jooq.Tables.JOURNAL_LINE;
import static org.lumbung.db.jooq.Tables.LEDGER_ACCOUNT;

/**
 * The whole journal of a cooperative in hledger's (and Ledger's) plain-text format, in the chain's order, such
 * that {@code hledger -f export.journal check} passes and {@code hledger balance} reproduces the trial balance in
 * every currency. Streamed: the accounts and the lines are read through database cursors and written as they come,
 * so memory stays bounded however long the history (only the general-ledger accounts' names are held).
 */
@Service
@PreAuthorize("@access.may('READ_LEDGER')")
public class HledgerExport {

    private static final int FETCH_SIZE = 2_000;

    private final DSLContext dsl;

    public HledgerExport(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Writes the journal; the caller closes the writer. One read-only snapshot, so it is consistent. */
    public void write(long cooperativeId, Writer out) {
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            tx.execute("set transaction isolation level repeatable read, read only");
            HledgerNames names = new HledgerNames(generalAccounts(tx, cooperativeId));
            header(tx, cooperativeId, out);
            accounts(tx, cooperativeId, names, out);
            entries(tx, cooperativeId, names, out);
            out.flush();
        });
    }

    private static Map<Long, HledgerNames.General> generalAccounts(DSLContext tx, long cooperativeId) {
        Map<Long, HledgerNames.General> general = new HashMap<>();
        tx.select(LEDGER_ACCOUNT.ID, LEDGER_ACCOUNT.CODE, LEDGER_ACCOUNT.NAME_ID, LEDGER_ACCOUNT.TYPE, LEDGER_ACCOUNT.PARENT_ID)
                .from(LEDGER_ACCOUNT)
                .where(LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId).and(LEDGER_ACCOUNT.MEMBER_ID.isNull()))
                .forEach(r -> general.put(r.value1(), new HledgerNames.General(r.value1(), r.value2(), r.value3(),
                        AccountType.valueOf(r.value4()), r.value5())));
        return general;
    }

    /** The cooperative, the decimal mark and each currency with its minor units ("1000.00 IDR", "1000. JPY"). */
    private static void header(DSLContext tx, long cooperativeId, Writer out) throws IOException {
        String name = tx.select(COOPERATIVE.NAME).from(COOPERATIVE).where(COOPERATIVE.ID.eq(cooperativeId)).fetchOne(COOPERATIVE.NAME);
        out.write("; Lumbung journal of " + oneLine(name) + ", in the hash chain's order (#sequence)\n");
        out.write("decimal-mark .\n");
        for (String currency : tx.selectDistinct(LEDGER_ACCOUNT.CURRENCY).from(LEDGER_ACCOUNT)
                .where(LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId)).orderBy(LEDGER_ACCOUNT.CURRENCY).fetch(LEDGER_ACCOUNT.CURRENCY)) {
            int decimals = Amounts.minorUnits(currency);
            out.write("commodity 1000." + "0".repeat(decimals) + " " + currency + "\n");
        }
        out.write("\n");
    }

    /** An account directive for every account that takes postings, so that {@code hledger check accounts} passes too. */
    private static void accounts(DSLContext tx, long cooperativeId, HledgerNames names, Writer out) throws IOException {
        try (Cursor<? extends Record> rows = tx.select(LEDGER_ACCOUNT.ID, LEDGER_ACCOUNT.CODE, LEDGER_ACCOUNT.NAME_ID,
                        LEDGER_ACCOUNT.PARENT_ID, LEDGER_ACCOUNT.MEMBER_ID)
                .from(LEDGER_ACCOUNT)
                .where(LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId).and(LEDGER_ACCOUNT.HEADER.isFalse()))
                .orderBy(LEDGER_ACCOUNT.CODE).fetchSize(FETCH_SIZE).fetchLazy()) {
            for (Record r : rows) {
                out.write("account " + names.account(r.get(LEDGER_ACCOUNT.ID), r.get(LEDGER_ACCOUNT.CODE),
                        r.get(LEDGER_ACCOUNT.NAME_ID), r.get(LEDGER_ACCOUNT.PARENT_ID), r.get(LEDGER_ACCOUNT.MEMBER_ID) != null) + "\n");
            }
        }
        out.write("\n");
    }

    private static void entries(DSLContext tx, long cooperativeId, HledgerNames names, Writer out) throws IOException {
        try (Cursor<? extends Record> rows = tx.select(JOURNAL_ENTRY.SEQUENCE, JOURNAL_ENTRY.VALUE_DATE, JOURNAL_ENTRY.DESCRIPTION,
                        JOURNAL_LINE.SIDE, JOURNAL_LINE.AMOUNT, JOURNAL_LINE.CURRENCY, LEDGER_ACCOUNT.ID, LEDGER_ACCOUNT.CODE,
                        LEDGER_ACCOUNT.NAME_ID, LEDGER_ACCOUNT.PARENT_ID, LEDGER_ACCOUNT.MEMBER_ID)
                .from(JOURNAL_ENTRY)
                .join(JOURNAL_LINE).on(JOURNAL_LINE.ENTRY_ID.eq(JOURNAL_ENTRY.ID))
                .join(LEDGER_ACCOUNT).on(LEDGER_ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId))
                .orderBy(JOURNAL_ENTRY.SEQUENCE, JOURNAL_LINE.LINE_NO)
                .fetchSize(FETCH_SIZE).fetchLazy()) {
            long sequence = -1;
            StringBuilder text = new StringBuilder(256);
            for (Record r : rows) {
                text.setLength(0);
                if (r.get(JOURNAL_ENTRY.SEQUENCE) != sequence) {
                    text.append(sequence == -1 ? "" : "\n");
                    sequence = r.get(JOURNAL_ENTRY.SEQUENCE);
                    text.append(r.get(JOURNAL_ENTRY.VALUE_DATE)).append(" * (#")
                            .append(sequence).append(") ").append(oneLine(r.get(JOURNAL_ENTRY.DESCRIPTION))).append('\n');
                }
                line(text, names, r);
                out.write(text.toString());
            }
        }
    }

    /** A posting: the account, two spaces, the amount signed (debit positive) with the currency after it. */
    private static void line(StringBuilder text, HledgerNames names, Record r) {
        BigDecimal amount = Amounts.normalise(r.get(JOURNAL_LINE.AMOUNT), r.get(JOURNAL_LINE.CURRENCY));
        text.append("    ").append(names.account(r.get(LEDGER_ACCOUNT.ID), r.get(LEDGER_ACCOUNT.CODE), r.get(LEDGER_ACCOUNT.NAME_ID),
                        r.get(LEDGER_ACCOUNT.PARENT_ID), r.get(LEDGER_ACCOUNT.MEMBER_ID) != null))
                .append("  ").append("D".equals(r.get(JOURNAL_LINE.SIDE)) ? amount.toPlainString() : amount.negate().toPlainString())
                .append(' ').append(r.get(JOURNAL_LINE.CURRENCY)).append('\n');
    }

    /** hledger reads a ';' as the start of a comment and a line break as the end of the description. */
    static String oneLine(String text) {
        return text.replace(';', ',').replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ").strip();
    }
}
