package org.lumbung.ledger;

import org.jspecify.annotations.Nullable;

/** The command to open an account in a cooperative's chart. */
public record NewAccount(String code, String nameEn, String nameId, AccountType type, @Nullable String parentCode,
                         String currency, boolean header, @Nullable Long memberId,
                         boolean debitsMustNotExceedCredits, boolean creditsMustNotExceedDebits) {
}
