package org.lumbung.ledger;

/** The command to open an account in a cooperative's chart. */
public record NewAccount(String code, String nameEn, String nameId, AccountType type, String parentCode,
                         String currency, boolean header, Long memberId,
                         boolean debitsMustNotExceedCredits, boolean creditsMustNotExceedDebits) {
}
