package org.lumbung.remittance;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A remittance as the teller or a client enters it. {@code fee} is the sender's fee in the sent currency;
 * {@code rate} (units of the cooperative's currency per unit sent) may be left out, then the cooperative's dated
 * rate of {@code receivedOn} applies; {@code booking} left out means the channel's usual booking.
 */
public record NewRemittance(long memberId, LocalDate receivedOn, String corridor, RemittanceChannel channel,
                            @Nullable RemittanceBooking booking, String sentCurrency, BigDecimal sentAmount,
                            @Nullable BigDecimal fee, @Nullable BigDecimal rate, List<NewAllocation> allocations,
                            @Nullable String note, String idempotencyKey) {

    public NewRemittance {
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
    }
}
