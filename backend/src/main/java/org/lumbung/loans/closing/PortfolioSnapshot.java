package org.lumbung.loans.closing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The portfolio as a close of business left it on its date: the whole, and each of the five classes (a
 * class without loans with zeros). PAR ratios are over the gross portfolio (CGAP).
 */
public record PortfolioSnapshot(LocalDate businessDate, String currency, ClassFigures total, List<ClassFigures> classes) {

    public PortfolioSnapshot {
        classes = List.copyOf(classes);
    }

    public BigDecimal par1Percent() {
        return ClassFigures.percentOf(total.par1Amount(), total.outstanding());
    }

    public BigDecimal par30Percent() {
        return ClassFigures.percentOf(total.par30Amount(), total.outstanding());
    }

    public BigDecimal par90Percent() {
        return ClassFigures.percentOf(total.par90Amount(), total.outstanding());
    }
}
