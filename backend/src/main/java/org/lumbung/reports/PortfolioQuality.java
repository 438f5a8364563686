package org.lumbung.reports;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The loan portfolio of a business date as PEARLS needs it, in the base currency: the gross portfolio (outstanding
 * principal), the portfolio at risk over 1, 30 and 90 days (CGAP: the whole outstanding principal of a loan with
 * any instalment that many days late), and the long-delinquent part — loans in the worst collectibility class
 * (macet, by default over 180 days past due), which PEARLS P1 covers in full.
 */
public record PortfolioQuality(LocalDate businessDate, BigDecimal gross, BigDecimal par1, BigDecimal par30,
                               BigDecimal par90, BigDecimal longDelinquent) {

    public PortfolioQuality {
        if (gross.signum() < 0 || par1.compareTo(gross) > 0 || par30.compareTo(par1) > 0 || par90.compareTo(par30) > 0
                || longDelinquent.signum() < 0 || longDelinquent.compareTo(par30) > 0) {
            throw new IllegalArgumentException("an inconsistent portfolio on " + businessDate + ": gross " + gross + ", PAR "
                    + par1 + "/" + par30 + "/" + par90 + ", long delinquent " + longDelinquent);
        }
    }

    /** Delinquent one to twelve months in PEARLS' terms: over 30 days, less the long-delinquent part. */
    public BigDecimal shortDelinquent() {
        return par30.subtract(longDelinquent);
    }
}
