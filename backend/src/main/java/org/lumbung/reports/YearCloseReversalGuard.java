package org.lumbung.reports;

import org.jooq.DSLContext;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.JournalEntry;
import org.lumbung.ledger.Precondition;
import org.lumbung.ledger.ReversalGuard;
import org.lumbung.platform.DomainException;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;

import static org.lumbung.db.jooq.Tables.SHU_DISTRIBUTION;
import static org.lumbung.db.jooq.Tables.YEAR_CLOSE;

/**
 * A year's closing entry is not reversed (the year reopened) once its SHU is distributed — whichever way the
 * reversal is asked for: the year-end screen, or the journal's reversal dialog. The distribution and the reopening
 * both move SHU tahun berjalan, so each also checks, under the ledger's locks, that the surplus account has not moved
 * since it looked: of a distribution and a reopening racing each other, the second is refused.
 */
@Component
class YearCloseReversalGuard implements ReversalGuard {

    private final DSLContext dsl;
    private final ChartOfAccounts chart;

    YearCloseReversalGuard(DSLContext dsl, ChartOfAccounts chart) {
        this.dsl = dsl;
        this.chart = chart;
    }

    @Override
    public Precondition check(JournalEntry original) {
        if (!YearEndClose.SOURCE.equals(original.sourceType())) {
            return Precondition.NONE;
        }
        long cooperativeId = original.cooperativeId();
        Integer year = dsl.select(YEAR_CLOSE.FISCAL_YEAR).from(YEAR_CLOSE)
                .where(YEAR_CLOSE.COOPERATIVE_ID.eq(cooperativeId).and(YEAR_CLOSE.ENTRY_ID.eq(original.id())))
                .fetchOptional(YEAR_CLOSE.FISCAL_YEAR).orElse(null);
        if (year == null) {
            return Precondition.NONE;
        }
        // the surplus account's balance is read before the distribution is looked for: a distribution posted after
        // the look moves it, and the reversal is then refused under the ledger's locks
        String surplus = chart.code(cooperativeId, ReportAccountRole.CURRENT_SURPLUS);
        boolean touchesSurplus = original.lines().stream().anyMatch(l -> l.accountCode().equals(surplus));
        Precondition rule = touchesSurplus ? unmoved(cooperativeId, Integer.toString(year)) : Precondition.NONE;
        if (dsl.fetchExists(SHU_DISTRIBUTION, SHU_DISTRIBUTION.COOPERATIVE_ID.eq(cooperativeId).and(SHU_DISTRIBUTION.FISCAL_YEAR.eq(year)))) {
            throw DomainException.conflict("reports.shu.already-posted", Integer.toString(year));
        }
        return rule;
    }

    /**
     * The rule that SHU tahun berjalan stands where it stood when the check was made (its balance now, read before the
     * ledger's locks), refused with {@code reports.year-close.surplus-moved} otherwise.
     */
    Precondition unmoved(long cooperativeId, String year) {
        String surplusCode = chart.code(cooperativeId, ReportAccountRole.CURRENT_SURPLUS);
        BigDecimal seen = chart.find(cooperativeId, surplusCode).map(a -> a.balance()).orElse(BigDecimal.ZERO);
        return balances -> DomainException.require(balances.before(surplusCode).compareTo(seen) == 0,
                "reports.year-close.surplus-moved", year);
    }
}
