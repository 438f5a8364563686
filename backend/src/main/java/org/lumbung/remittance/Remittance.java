package org.lumbung.remittance;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A booked remittance receipt: both currencies, the rate and where every part of the amount received went. */
public record Remittance(long id, long cooperativeId, int receiptNumber, long memberId, LocalDate receivedOn,
                         String corridor, RemittanceChannel channel, RemittanceBooking booking, String sentCurrency,
                         BigDecimal sentAmount, BigDecimal fee, BigDecimal rate, LocalDate rateDate, RateSource rateSource,
                         String receivedCurrency, BigDecimal receivedAmount, long journalEntryId, @Nullable String note,
                         String recordedBy, Instant recordedAt, List<Allocation> allocations) {

    public Remittance {
        allocations = List.copyOf(allocations);
    }

    /** What went to savings and loan repayments: the part of the remittance put to work. */
    public BigDecimal putToWork() {
        return allocations.stream().filter(a -> a.kind() == AllocationKind.SAVINGS || a.kind() == AllocationKind.LOAN_REPAYMENT)
                .map(Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
