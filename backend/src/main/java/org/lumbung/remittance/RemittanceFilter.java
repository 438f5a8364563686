package org.lumbung.remittance;

import org.jspecify.annotations.Nullable;
import org.lumbung.platform.DomainException;

import java.time.LocalDate;

/** Which receipts to list: received from..to (inclusive, either open), of one member or of all. */
public record RemittanceFilter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable Long memberId) {

    public RemittanceFilter {
        DomainException.require(from == null || to == null || !to.isBefore(from), "remittance.filter.dates");
    }

    public static RemittanceFilter all() {
        return new RemittanceFilter(null, null, null);
    }

    public static RemittanceFilter ofMember(long memberId) {
        return new RemittanceFilter(null, null, memberId);
    }
}
