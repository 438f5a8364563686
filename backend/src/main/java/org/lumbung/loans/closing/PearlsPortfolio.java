package org.lumbung.loans.closing;

import org.jooq.DSLContext;
import org.lumbung.reports.LoanPortfolioSource;
import org.lumbung.reports.PortfolioQuality;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The reports' PEARLS ratios read the portfolio from the closes of business' snapshots, through this: the whole
 * portfolio's row and the worst class's outstanding of the latest close within the lookback, in one query. It reads
 * the aggregate rows only (no loan, no borrower), so whoever reads PEARLS reads it — a federation too, which may not
 * read the loans themselves; row-level security keeps it to the reader's cooperatives.
 */
@Component
class PearlsPortfolio implements LoanPortfolioSource {

    private final DSLContext dsl;

    PearlsPortfolio(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<PortfolioQuality> at(long cooperativeId, LocalDate day) {
        return dsl.resultQuery("""
                        select s.business_date, s.outstanding, s.par1_amount, s.par30_amount, s.par90_amount,
                               coalesce((select m.outstanding from loan_portfolio_snapshot m
                                          where m.cooperative_id = s.cooperative_id and m.business_date = s.business_date
                                            and m.collectibility = ?), 0)
                          from loan_portfolio_snapshot s
                         where s.cooperative_id = ? and s.collectibility = 'ALL' and s.business_date between ? and ?
                         order by s.business_date desc limit 1""",
                        Collectibility.MACET.name(), cooperativeId, day.minusDays(LOOKBACK_DAYS), day)
                .fetchOptional(r -> new PortfolioQuality(r.get(0, LocalDate.class), r.get(1, BigDecimal.class).stripTrailingZeros(),
                        r.get(2, BigDecimal.class), r.get(3, BigDecimal.class), r.get(4, BigDecimal.class),
                        r.get(5, BigDecimal.class).min(r.get(3, BigDecimal.class))));
    }
}
