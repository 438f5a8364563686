package org.lumbung.savings;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A savings transaction with its receipt number (gapless per cooperative) and the journal entry that
 * carries its money. For a transfer, {@code accountNumber} is the account the money left and
 * {@code counterAccountNumber} the one it went to. {@code source} names the feature that booked a deposit in its own
 * entry (a remittance, the shop, SHU; see {@link LinkedDeposit}), null for the savings services' own.
 */
public record SavingsTransaction(long id, int receiptNumber, TransactionKind kind, long memberId, long accountId,
                                 String accountNumber, @Nullable String counterAccountNumber, BigDecimal amount, String currency,
                                 LocalDate valueDate, long journalEntryId, @Nullable String note, String recordedBy,
                                 Instant recordedAt, @Nullable DepositSource source) {
}
