package org.lumbung.reports;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The figures on a treasurer's first screen, all read from the ledger and the registry. */
public record DashboardFigures(int cooperatives, int activeMembers, int women, long ledgerEntries,
                               LocalDate lastValueDate, String currency, BigDecimal cashAndBank,
                               BigDecimal shareCapital, BigDecimal mandatorySavings, BigDecimal voluntarySavings,
                               BigDecimal loansOutstanding) {
}
