package org.lumbung.savings;

import org.jspecify.annotations.Nullable;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.Precondition;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A deposit into a member's savings that another feature books in its own journal entry (a remittance's savings part, a
 * supplier paid into savings, SHU): checked by the savings rules, its credit {@code line} for that entry, the savings
 * {@code rule} the ledger runs under its locks, and what the member's statement shows ({@code source}, {@code note}).
 * Made by {@link SavingsService#linkedDeposit}; once the entry is posted, {@link SavingsService#recordLinked} makes it a
 * savings transaction with its receipt number.
 */
public record LinkedDeposit(SavingsAccount account, BigDecimal amount, LocalDate valueDate, DepositSource source,
                            @Nullable String note, PostingLine line, Precondition rule) {
}
