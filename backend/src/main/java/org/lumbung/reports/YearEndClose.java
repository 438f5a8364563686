package org.lumbung.reports;

import org.jooq.DSLContext;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.AccountType;
import org.lumbung.ledger.Approval;
import org.lumbung.ledger.Approvals;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.JournalEntry;
import org.lumbung.ledger.LedgerQueries;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.ledger.Side;
import org.lumbung.ledger.TrialBalance;
import org.lumbung.platform.DomainException;
import org.lumbung.security.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.lumbung.db.jooq.Tables.YEAR_CLOSE;

/**
 * The year-end close: one journal entry on the fiscal year's last day that brings every income and expense account
 * to zero against SHU tahun berjalan (3500). Undone only by reopening — the reversal of that entry through
 * maker-checker (a second person approves it in Approvals); a reopened year may be closed again. The chair closes.
 */
@Service
@PreAuthorize("@access.may('READ_LEDGER')")
public class YearEndClose {

    public static final String SOURCE = "YEAR_CLOSE";

    private final DSLContext dsl;
    private final CooperativeService cooperatives;
    private final ChartOfAccounts chart;
    private final LedgerQueries queries;
    private final LedgerService ledger;
    private final Approvals approvals;
    private final YearEndEntries yearEnd;
    private final Clock clock;

    public YearEndClose(DSLContext dsl, CooperativeService cooperatives, ChartOfAccounts chart, LedgerQueries queries,
                        LedgerService ledger, Approvals approvals, YearEndEntries yearEnd, Clock clock) {
        this.dsl = dsl;
        this.cooperatives = cooperatives;
        this.chart = chart;
        this.queries = queries;
        this.ledger = ledger;
        this.approvals = approvals;
        this.yearEnd = yearEnd;
        this.clock = clock;
    }

    /** The entry that closes the year, if it is closed (not reopened). */
    public Optional<JournalEntry> closingEntry(long cooperativeId, int year) {
        ShuService.requireYear(year);
        return yearEnd.standingClose(cooperativeId, year);
    }

    @PreAuthorize("@access.may('CLOSE_PERIOD')")
    @Transactional
    public JournalEntry close(long cooperativeId, int year) {
        ShuService.requireYear(year);
        Cooperative c = cooperatives.byId(cooperativeId);
        FiscalYear fy = FiscalYear.of(c, year);
        DomainException.require(fy.last().isBefore(c.today(clock)), "reports.year-close.not-ended", Integer.toString(year));
        if (yearEnd.standingClose(cooperativeId, year).isPresent()) {
            throw DomainException.conflict("reports.year-close.already", Integer.toString(year));
        }
        requireNoLaterYearClosed(cooperativeId, year);
        List<PostingLine> lines = closingLines(c, fy);
        String surplusCode = chart.account(cooperativeId, ReportAccountRole.CURRENT_SURPLUS).code();
        BigDecimal surplus = lines.stream().map(l -> l.side() == Side.DEBIT ? l.amount() : l.amount().negate())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<PostingLine> all = new ArrayList<>(lines);
        if (surplus.signum() != 0) {
            all.add(surplus.signum() > 0 ? PostingLine.credit(surplusCode, surplus) : PostingLine.debit(surplusCode, surplus.negate()));
        }
        int earlier = dsl.fetchCount(YEAR_CLOSE, YEAR_CLOSE.COOPERATIVE_ID.eq(cooperativeId).and(YEAR_CLOSE.FISCAL_YEAR.eq(year)));
        JournalEntry entry = ledger.post(new PostingRequest(cooperativeId, "year-close:" + year + ":" + (earlier + 1), fy.last(),
                "YEAR CLOSE " + year, SOURCE, Integer.toString(year), all, CurrentActor.name())).entry();
        dsl.insertInto(YEAR_CLOSE).set(YEAR_CLOSE.COOPERATIVE_ID, cooperativeId).set(YEAR_CLOSE.FISCAL_YEAR, year)
                .set(YEAR_CLOSE.ENTRY_ID, entry.id()).set(YEAR_CLOSE.SURPLUS, surplus).set(YEAR_CLOSE.CURRENCY, c.baseCurrency())
                .set(YEAR_CLOSE.CLOSED_BY, CurrentActor.name()).execute();
        return entry;
    }

    /** A later year's close took this year's income and expenses with it: reopen that one first. */
    private void requireNoLaterYearClosed(long cooperativeId, int year) {
        for (Integer later : dsl.selectDistinct(YEAR_CLOSE.FISCAL_YEAR).from(YEAR_CLOSE)
                .where(YEAR_CLOSE.COOPERATIVE_ID.eq(cooperativeId).and(YEAR_CLOSE.FISCAL_YEAR.gt(year))).fetch(YEAR_CLOSE.FISCAL_YEAR)) {
            DomainException.require(yearEnd.standingClose(cooperativeId, later).isEmpty(), "reports.year-close.later-closed", Integer.toString(later));
        }
    }

    /**
     * Each income account's credit balance debited and each expense account's debit balance credited, as they stand at
     * the year's end (income and expenses of earlier years never closed are closed with it; a reopening dated later
     * counts as if it were dated then). Income or expenses in
     * another currency than the base one have no surplus account to go to: refused.
     */
    private List<PostingLine> closingLines(Cooperative c, FiscalYear fy) {
        Map<String, BigDecimal> reopened = yearEnd.reopenedAfter(c.id(), fy.last());
        List<PostingLine> lines = new ArrayList<>();
        for (TrialBalance.Row r : queries.trialBalance(c.id(), fy.last()).rows()) {
            BigDecimal net = r.debit().subtract(r.credit()).add(reopened.getOrDefault(r.code(), BigDecimal.ZERO));
            if ((r.type() != AccountType.INCOME && r.type() != AccountType.EXPENSE) || net.signum() == 0) {
                continue;
            }
            DomainException.require(r.currency().equals(c.baseCurrency()), "reports.year-close.foreign-currency", r.code(), r.currency());
            lines.add(net.signum() > 0 ? PostingLine.credit(r.code(), net) : PostingLine.debit(r.code(), net.negate()));
        }
        DomainException.require(!lines.isEmpty(), "reports.year-close.nothing", Integer.toString(fy.year()));
        return lines;
    }

    /** Asks for the year to be reopened: the reversal of its closing entry, which someone else approves. */
    @PreAuthorize("@access.may('CLOSE_PERIOD')")
    public Approval requestReopening(long cooperativeId, int year, String reason) {
        JournalEntry entry = closingEntry(cooperativeId, year)
                .orElseThrow(() -> DomainException.invalid("reports.year-close.not-closed", Integer.toString(year)));
        // refused once the year's SHU is distributed: YearCloseReversalGuard, on every reversal path
        return approvals.requestReversal(cooperativeId, entry.id(), reason);
    }
}
