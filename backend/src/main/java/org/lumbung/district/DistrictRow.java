package org.lumbung.district;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One cooperative in the district console. Money is in the cooperative's base currency; {@code par30Percent} is
 * null before its first close of business, {@code putToWorkPercent} null when no remittance arrived this year.
 */
public record DistrictRow(long cooperativeId, String code, String name, String district, String currency,
                          LocalDate lastPosting, ChainState chain, RecordedCheckpoint lastCheckpoint, int members, int women,
                          int returnedMigrants, BigDecimal savings, BigDecimal loansOutstanding, BigDecimal par30Percent,
                          BigDecimal putToWorkPercent, List<RedFlag> flags) {

    public DistrictRow {
        flags = List.copyOf(flags);
    }
}
