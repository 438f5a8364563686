package org.lumbung.ledger;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * An account of the chart with its maintained totals. The two flags are TigerBeetle-style balance
 * constraints, enforced when posting and again by CHECK constraints in the database.
 */
public record Account(long id, long cooperativeId, String code, String nameEn, String nameId, AccountType type,
                      @Nullable Long parentId, String currency, boolean header, @Nullable Long memberId,
                      boolean debitsMustNotExceedCredits, boolean creditsMustNotExceedDebits,
                      BigDecimal debitTotal, BigDecimal creditTotal, long postingCount) {

    /** The balance on the account's normal side: positive for a normal balance. */
    public BigDecimal balance() {
        return normalBalance(type, debitTotal, creditTotal);
    }

    public String name(Locale locale) {
        return locale != null && "id".equals(locale.getLanguage()) ? nameId : nameEn;
    }

    static BigDecimal normalBalance(AccountType type, BigDecimal debits, BigDecimal credits) {
        return type.debitNormal() ? debits.subtract(credits) : credits.subtract(debits);
    }
}
