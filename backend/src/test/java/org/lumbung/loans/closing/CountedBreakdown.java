package org.lumbung.loans.closing;

import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.LedgerQueries;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link PortfolioBreakdown} whose statements are counted: its own, the snapshots' and the ledger balances'
 * (the chart's and the cooperatives' reads, which Spring's beans make, are not).
 */
final class CountedBreakdown {

    final PortfolioBreakdown breakdown;
    private final AtomicInteger statements = new AtomicInteger();

    CountedBreakdown(DSLContext dsl, CooperativeService cooperatives, ChartOfAccounts chart) {
        DSLContext counting = dsl.configuration().derive(new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                statements.incrementAndGet();
            }
        }).dsl();
        breakdown = new PortfolioBreakdown(counting, cooperatives, new Portfolio(counting, cooperatives),
                new LedgerQueries(counting, chart), chart);
    }

    /** The statements run since the last call. */
    int statements() {
        return statements.getAndSet(0);
    }
}
