package org.lumbung.ledger;

import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * What a posting needs of an account it names, read under the cooperative's head lock: identity, currency,
 * whether it is a header, its balance-constraint flags and its maintained totals (see {@link Account} for the
 * whole account).
 *
 * <p>Read with the driver, not jOOQ, for the same reason as {@link EntryWriter}: a batch of a thousand
 * entries names several hundred accounts, all read while every other posting of the cooperative waits, and
 * building a jOOQ record of the whole account row for each cost about a millisecond a batch more (measured
 * with the bulk benchmark's batches).
 */
record LockedAccount(long id, String code, AccountType type, String currency, boolean header,
                     boolean debitsMustNotExceedCredits, boolean creditsMustNotExceedDebits,
                     BigDecimal debitTotal, BigDecimal creditTotal) {

    private static final String BY_CODES = """
            select id, code, type, currency, header, debits_must_not_exceed_credits, credits_must_not_exceed_debits,
                   debit_total, credit_total
              from ledger_account
             where cooperative_id = ? and code = any (?)""";

    /** The cooperative's accounts of these codes, by code; a code it does not have is absent. */
    static Map<String, LockedAccount> byCode(DSLContext tx, long cooperativeId, Collection<String> codes) {
        return tx.connectionResult(c -> {
            Map<String, LockedAccount> byCode = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement(BY_CODES)) {
                st.setLong(1, cooperativeId);
                st.setArray(2, c.createArrayOf("text", codes.toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        LockedAccount a = new LockedAccount(rs.getLong(1), rs.getString(2), AccountType.valueOf(rs.getString(3)),
                                rs.getString(4), rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7), rs.getBigDecimal(8),
                                rs.getBigDecimal(9));
                        byCode.put(a.code(), a);
                    }
                }
            }
            return byCode;
        });
    }
}
