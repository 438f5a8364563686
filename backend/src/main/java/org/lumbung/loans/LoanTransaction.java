package org.lumbung.loans;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A money event of a loan with its split and the journal entry that carries it (none for a rescheduling). */
public record LoanTransaction(long id, long loanId, Kind kind, @Nullable Channel channel, LocalDate valueDate, BigDecimal amount,
                              BigDecimal principal, BigDecimal interest, BigDecimal fees, BigDecimal penalty,
                              BigDecimal outstandingAfter, @Nullable Long journalEntryId, @Nullable String note, String recordedBy,
                              Instant recordedAt) {

    public enum Kind { DISBURSEMENT, REPAYMENT, PREPAYMENT, FEE, PENALTY, ACCRUAL, WRITE_OFF, RECOVERY, RESCHEDULE, REVERSAL }
}
