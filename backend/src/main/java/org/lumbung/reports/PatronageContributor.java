package org.lumbung.reports;

import org.lumbung.cooperative.Cooperative;

import java.math.BigDecimal;
import java.time.Year;
import java.util.Map;

/**
 * A feature's part of each member's patronage in a fiscal year — the base of the SHU's <i>jasa usaha</i> pool:
 * loan interest paid (loans), purchases from and sales to the cooperative's shop (sales). Every bean of this
 * type is asked, so a feature adds its patronage with one class in its own package and the SHU distribution is
 * not edited (the same plug-in shape as {@link DashboardFigureContributor}).
 */
public interface PatronageContributor {

    /** A stable key naming this patronage, e.g. {@code loans.interest}; also the translation key of its column. */
    String key();

    /**
     * Each member's patronage (member id → amount in the cooperative's base currency) for the fiscal year;
     * members without any are absent. Amounts are non-negative and carry the currency's minor units.
     */
    Map<Long, BigDecimal> patronage(Cooperative cooperative, Year year);
}
