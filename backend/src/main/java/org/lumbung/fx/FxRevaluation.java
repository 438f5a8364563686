package org.lumbung.fx;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.LedgerQueries;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.lumbung.security.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.lumbung.db.jooq.Tables.FX_REVALUATION;

/**
 * The month-end revaluation of the foreign-currency positions: unrealized gains and losses, cumulative (not
 * reversed next month). For each currency at the month's last day: what is held (cash, bank and conversions less
 * members' savings in it, −1900.CUR) is worth {@code held × rate} at the closing rate (the lookup rule: the last
 * rate on or before the month end), rounded half-even; less its cost (1910.CUR) that is the unrealized result the
 * books should show. The run posts the difference between it and what 1920.CUR already shows, against 4510
 * (gain) or 5710 (loss), dated the month end: one entry for all currencies. A second run of a month books nothing.
 * A realized sale later leaves the revaluation of what was sold on 1920 until the next month end takes it back.
 */
@Service
@PreAuthorize("@access.may('READ_RATES')")
public class FxRevaluation {

    /** The advisory-lock namespace serialising one cooperative's revaluation runs. */
    private static final int RUN_LOCK = 41;

    /** One currency at a month end: its position, closing rate, the unrealized result due and the adjustment booked. */
    public record Line(String currency, BigDecimal held, BigDecimal cost, @Nullable BigDecimal rate, @Nullable LocalDate rateDate, boolean stale,
                       BigDecimal unrealized, BigDecimal alreadyBooked, BigDecimal adjustment) {
    }

    /** A month's run: its entry (null when nothing needed adjusting), and whether it had been run before. */
    public record Run(YearMonth month, @Nullable Long journalEntryId, boolean replayed, List<Line> lines) {
    }

    private final DSLContext dsl;
    private final ForeignCurrencyAccounts accounts;
    private final ExchangeRateService rates;
    private final LedgerQueries queries;
    private final LedgerService ledger;
    private final CooperativeService cooperatives;
    private final Clock clock;

    public FxRevaluation(DSLContext dsl, ForeignCurrencyAccounts accounts, ExchangeRateService rates, LedgerQueries queries,
                         LedgerService ledger, CooperativeService cooperatives, Clock clock) {
        this.dsl = dsl;
        this.accounts = accounts;
        this.rates = rates;
        this.queries = queries;
        this.ledger = ledger;
        this.cooperatives = cooperatives;
        this.clock = clock;
    }

    /** What a run of the month would book, per currency; refused when a held currency has no rate. */
    public List<Line> preview(long cooperativeId, YearMonth month) {
        LocalDate end = requireEnded(cooperativeId, month);
        requireNoLaterRun(cooperativeId, month);
        List<Line> lines = new ArrayList<>();
        for (String currency : accounts.positionCurrencies(cooperativeId)) {
            lines.add(line(cooperativeId, currency, end));
        }
        return lines;
    }

    /** Revalues the month once; a second run returns the first and books nothing. */
    @Transactional
    @PreAuthorize("@access.may('RECORD_RATES')")
    public Run revalue(long cooperativeId, YearMonth month) {
        LocalDate end = requireEnded(cooperativeId, month);
        dsl.select(DSL.field("pg_advisory_xact_lock({0}, {1})", Object.class, DSL.inline(RUN_LOCK), DSL.val((int) cooperativeId))).fetch();
        var done = dsl.selectFrom(FX_REVALUATION).where(FX_REVALUATION.COOPERATIVE_ID.eq(cooperativeId)
                .and(FX_REVALUATION.MONTH.eq(month.atDay(1)))).fetchOne();
        if (done != null) {
            return new Run(month, done.getJournalEntryId(), true, List.of());
        }
        List<Line> lines = preview(cooperativeId, month);
        List<PostingLine> posting = new ArrayList<>();
        lines.forEach(l -> posting.addAll(postingLines(cooperativeId, l)));
        Long entryId = posting.isEmpty() ? null : ledger.post(new PostingRequest(cooperativeId, "fx-revaluation:" + month, end,
                "FX_REVALUATION " + month, "FX", month.toString(), posting, CurrentActor.name())).entry().id();
        dsl.insertInto(FX_REVALUATION).set(FX_REVALUATION.COOPERATIVE_ID, cooperativeId).set(FX_REVALUATION.MONTH, month.atDay(1))
                .set(FX_REVALUATION.JOURNAL_ENTRY_ID, entryId).set(FX_REVALUATION.RUN_BY, CurrentActor.name()).execute();
        return new Run(month, entryId, false, lines);
    }

    private Line line(long cooperativeId, String currency, LocalDate end) {
        BigDecimal held = queries.balanceAsOf(cooperativeId, accounts.position(cooperativeId, currency).code(), end).negate();
        BigDecimal cost = queries.balanceAsOf(cooperativeId, accounts.positionCost(cooperativeId, currency).code(), end);
        BigDecimal booked = queries.balanceAsOf(cooperativeId, accounts.revaluation(cooperativeId, currency).code(), end);
        @Nullable DatedRate rate = rates.rateOn(cooperativeId, currency, end).orElse(null);
        // nothing held is worth nothing at any rate; something held needs the month end's rate
        DomainException.require(rate != null || held.signum() == 0, "fx.revaluation.no-rate", currency, end.toString());
        BigDecimal worth = rate == null ? BigDecimal.ZERO
                : FxConversions.convert(held, rate.rate(), accounts.positionCost(cooperativeId, currency).currency());
        BigDecimal unrealized = worth.subtract(cost);
        return new Line(currency, held, cost, rate == null ? null : rate.rate(), rate == null ? null : rate.rateDate(),
                rate != null && rate.stale(), unrealized, booked, unrealized.subtract(booked));
    }

    /** Brings 1920.CUR to the unrealized result: a gain credits 4510, a loss debits 5710. */
    private List<PostingLine> postingLines(long cooperativeId, Line l) {
        if (l.adjustment().signum() == 0) {
            return List.of();
        }
        String revaluation = accounts.revaluation(cooperativeId, l.currency()).code();
        BigDecimal amount = l.adjustment().abs();
        return l.adjustment().signum() > 0
                ? List.of(PostingLine.debit(revaluation, amount),
                PostingLine.credit(accounts.result(cooperativeId, FxAccountRole.FX_UNREALIZED_GAIN).code(), amount))
                : List.of(PostingLine.debit(accounts.result(cooperativeId, FxAccountRole.FX_UNREALIZED_LOSS).code(), amount),
                PostingLine.credit(revaluation, amount));
    }

    /**
     * Months are revalued in order: each run brings 1920 to the month end's result over what is booked by then, so an
     * earlier month run after a later one would leave its result in the later month's too, counted twice.
     */
    private void requireNoLaterRun(long cooperativeId, YearMonth month) {
        dsl.select(DSL.max(FX_REVALUATION.MONTH)).from(FX_REVALUATION)
                .where(FX_REVALUATION.COOPERATIVE_ID.eq(cooperativeId).and(FX_REVALUATION.MONTH.gt(month.atDay(1))))
                .fetchOptional(0, LocalDate.class)
                .ifPresent(later -> {
                    throw DomainException.conflict("fx.revaluation.later-done", month.toString(), YearMonth.from(later).toString());
                });
    }

    /** The month's last day, which must have come at the cooperative's office. */
    private LocalDate requireEnded(long cooperativeId, YearMonth month) {
        DomainException.require(month != null, "fx.revaluation.month.missing");
        LocalDate end = month.atEndOfMonth();
        LocalDate today = cooperatives.byId(cooperativeId).today(clock);
        DomainException.require(!end.isAfter(today), "fx.revaluation.month.open", month.toString(), today.toString());
        return end;
    }
}
