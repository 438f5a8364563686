package org.lumbung.loans.closing;

import org.lumbung.reports.LoanPortfolioSource;
import org.lumbung.reports.PortfolioQuality;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The reports' PEARLS ratios read the portfolio from the closes of business' snapshots, through this. */
@Component
class PearlsPortfolio implements LoanPortfolioSource {

    private final Portfolio portfolio;

    PearlsPortfolio(Portfolio portfolio) {
        this.portfolio = portfolio;
    }

    @Override
    public Optional<PortfolioQuality> at(long cooperativeId, LocalDate day) {
        List<PortfolioSnapshot> recent = portfolio.trend(cooperativeId, day.minusDays(LOOKBACK_DAYS), day);
        if (recent.isEmpty()) {
            return Optional.empty();
        }
        LocalDate closed = recent.get(recent.size() - 1).businessDate();
        return portfolio.snapshot(cooperativeId, closed).map(s -> new PortfolioQuality(closed, s.total().outstanding(),
                s.total().par1Amount(), s.total().par30Amount(), s.total().par90Amount(),
                s.classes().stream().filter(k -> k.collectibility() == Collectibility.MACET)
                        .map(ClassFigures::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add).min(s.total().par30Amount())));
    }
}
