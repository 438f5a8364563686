package org.lumbung.district;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One cooperative in the district console. Money is in the cooperative's base currency; {@code par30Percent} is
 * null before its first close of business, {@code putToWorkPercent} null when no remittance arrived this year.
 */
public record DistrictRow(long cooperativeId, String code, String name, @Nullable String district, String currency,
                          @Nullable LocalDate lastPosting, ChainState chain, @Nullable RecordedCheckpoint lastCheckpoint,
                          int members, int women, int returnedMigrants, BigDecimal savings, BigDecimal loansOutstanding,
                          @Nullable BigDecimal par30Percent, @Nullable BigDecimal putToWorkPercent, List<RedFlag> flags) {

    public DistrictRow {
        flags = List.copyOf(flags);
    }
}
