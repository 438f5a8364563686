package org.lumbung.fx;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.db.jooq.tables.records.ExchangeRateRecord;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.lumbung.security.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.lumbung.db.jooq.Tables.EXCHANGE_RATE;
import static org.lumbung.db.jooq.Tables.FX_SETTING;

/**
 * A cooperative's dated exchange rates: units of its own currency per one unit of a foreign currency.
 *
 * <p>The lookup rule: the rate of a value date is the latest rate recorded on or before it, so a weekend or a
 * holiday, on which no bank publishes a rate, resolves to the last business day's rate. That rate is stale
 * when its day lies more than {@link FxSettings#staleAfterDays()} days before the value date (it is still
 * returned, flagged). The cooperative's own currency has the rate 1 on every day.
 *
 * <p>Recording: at most 8 decimals, positive, below 10^12; a day's rate is recorded once (the same rate again
 * changes nothing, another rate for a recorded day is refused). A rate more than
 * {@link FxSettings#outlierPercent()} % from the last known rate before its day waits, unused, until a chair
 * who did not enter it confirms it ({@link #confirm}) or rejects it.
 */
@Service
@PreAuthorize("@access.may('READ_RATES')")
public class ExchangeRateService {

    public static final int RATE_SCALE = 8;
    public static final BigDecimal MAX_RATE = new BigDecimal("1000000000000");
    /** The most rates one call records: eight currencies' business days over two years fit comfortably. */
    public static final int MAX_BATCH = 10_000;
    /** The most rates a list returns: over three years of one currency's business days. */
    public static final int MAX_LISTED = 1_000;
    /** Rates before this day are refused as typing errors. */
    static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    static final String SOURCE = "[A-Z][A-Z0-9_]{0,31}";
    /** A rate as text: up to 13 integer digits and 8 decimals, unsigned, never an exponent. */
    private static final Pattern RATE_TEXT = Pattern.compile("[0-9]{1,13}(\\.[0-9]{1,8})?");
    private static final int SHOWN_TEXT = 32;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final DSLContext dsl;
    private final CooperativeService cooperatives;
    private final Clock clock;

    public ExchangeRateService(DSLContext dsl, CooperativeService cooperatives, Clock clock) {
        this.dsl = dsl;
        this.cooperatives = cooperatives;
        this.clock = clock;
    }

    /** The rate of a value date by the lookup rule; empty when no rate exists on or before it. */
    public Optional<DatedRate> rateOn(long cooperativeId, String currency, LocalDate on) {
        DomainException.require(on != null, "fx.rate.date.missing");
        String code = Amounts.currency(currency).getCurrencyCode();
        if (code.equals(cooperatives.byId(cooperativeId).baseCurrency())) {
            return Optional.of(new DatedRate(code, on, BigDecimal.ONE, "BASE", false));
        }
        int staleAfter = settings(cooperativeId).staleAfterDays();
        return dsl.select(EXCHANGE_RATE.RATE_DATE, EXCHANGE_RATE.RATE, EXCHANGE_RATE.SOURCE).from(EXCHANGE_RATE)
                .where(active(cooperativeId, code).and(EXCHANGE_RATE.RATE_DATE.le(on)))
                .orderBy(EXCHANGE_RATE.RATE_DATE.desc()).limit(1)
                .fetchOptional(r -> new DatedRate(code, r.value1(), rate(r.value2()), r.value3(),
                        ChronoUnit.DAYS.between(r.value1(), on) > staleAfter));
    }

    /**
     * Today's rate at the cooperative by the lookup rule, to show a balance held in the currency at its value: a member
     * sees her own ringgit savings valued in rupiah, so anyone signed in to the cooperative may ask (rates are no secret
     * within it; row-level security keeps them to it).
     */
    @PreAuthorize("@access.may('SIGNED_IN')")
    public Optional<DatedRate> rateToday(long cooperativeId, String currency) {
        return rateOn(cooperativeId, currency, cooperatives.byId(cooperativeId).today(clock));
    }

    /**
     * Records rates in date order, each checked and compared with the last known rate before its day; all or
     * nothing. The one who records is the signed-in person. Each currency's known rates are read once, and its new
     * rates written in one statement, so that two years of daily rates record in well under a second.
     */
    @Transactional
    @PreAuthorize("@access.may('RECORD_RATES')")
    public List<RecordedRate> record(long cooperativeId, List<NewRate> rates) {
        Cooperative c = cooperatives.byId(cooperativeId);
        List<CheckedRate> checked = checked(c, rates);
        FxSettings settings = settings(cooperativeId);
        String actor = CurrentActor.name();
        Map<String, List<CheckedRate>> byCurrency = new LinkedHashMap<>();
        checked.forEach(r -> byCurrency.computeIfAbsent(r.currency(), k -> new ArrayList<>()).add(r));
        List<RecordedRate> recorded = new ArrayList<>(checked.size());
        byCurrency.values().forEach(list -> recorded.addAll(recordCurrency(cooperativeId, list, settings, actor)));
        return recorded;
    }

    /** One currency's new rates (sorted by day) against what is known: same day again, outliers, the rest recorded. */
    private List<RecordedRate> recordCurrency(long cooperativeId, List<CheckedRate> list, FxSettings settings, String actor) {
        String currency = list.get(0).currency();
        LocalDate first = list.get(0).rateDate();
        var live = dsl.select(EXCHANGE_RATE.ID, EXCHANGE_RATE.RATE_DATE, EXCHANGE_RATE.RATE, EXCHANGE_RATE.STATUS)
                .from(EXCHANGE_RATE).where(live(cooperativeId, currency)
                        .and(EXCHANGE_RATE.RATE_DATE.between(first, list.get(list.size() - 1).rateDate())))
                .fetchMap(EXCHANGE_RATE.RATE_DATE);
        TreeMap<LocalDate, BigDecimal> known = new TreeMap<>();
        Optional.ofNullable(lastBefore(cooperativeId, currency, first)).ifPresent(r -> known.put(first.minusDays(1), r));
        live.values().stream().filter(r -> "ACTIVE".equals(r.get(EXCHANGE_RATE.STATUS)))
                .forEach(r -> known.put(r.get(EXCHANGE_RATE.RATE_DATE), r.get(EXCHANGE_RATE.RATE)));
        List<RecordedRate> out = new ArrayList<>(list.size());
        for (CheckedRate r : list) {
            Map.Entry<LocalDate, BigDecimal> before = known.lowerEntry(r.rateDate());
            BigDecimal previous = before == null ? null : before.getValue();
            var same = live.get(r.rateDate());
            if (same != null) {
                DomainException.require(same.get(EXCHANGE_RATE.RATE).compareTo(r.rate()) == 0, "fx.rate.day-taken",
                        currency, r.rateDate().toString(),
                        rate(same.get(EXCHANGE_RATE.RATE)).toPlainString());
                out.add(result(same.get(EXCHANGE_RATE.ID), r, RecordedRate.Outcome.UNCHANGED, previous));
                continue;
            }
            boolean outlier = previous != null && outlying(previous, r.rate(), settings.outlierPercent());
            if (!outlier) {
                known.put(r.rateDate(), r.rate());
            }
            out.add(result(0, r, outlier ? RecordedRate.Outcome.PENDING : RecordedRate.Outcome.RECORDED, previous));
        }
        return insertNew(cooperativeId, out, actor);
    }

    /** Writes the recorded and pending rates in one statement and gives them their ids. */
    private List<RecordedRate> insertNew(long cooperativeId, List<RecordedRate> rates, String actor) {
        List<RecordedRate> fresh = rates.stream().filter(r -> r.outcome() != RecordedRate.Outcome.UNCHANGED).toList();
        if (fresh.isEmpty()) {
            return rates;
        }
        var insert = dsl.insertInto(EXCHANGE_RATE, EXCHANGE_RATE.COOPERATIVE_ID, EXCHANGE_RATE.CURRENCY, EXCHANGE_RATE.RATE_DATE,
                EXCHANGE_RATE.RATE, EXCHANGE_RATE.SOURCE, EXCHANGE_RATE.STATUS, EXCHANGE_RATE.ENTERED_BY);
        for (RecordedRate r : fresh) {
            insert = insert.values(cooperativeId, r.currency(), r.rateDate(), r.rate(), r.source(),
                    r.outcome() == RecordedRate.Outcome.PENDING ? "PENDING" : "ACTIVE", actor);
        }
        Map<LocalDate, Long> ids = insert.returning(EXCHANGE_RATE.ID, EXCHANGE_RATE.RATE_DATE).fetch()
                .intoMap(EXCHANGE_RATE.RATE_DATE, EXCHANGE_RATE.ID);
        return rates.stream().map(r -> r.outcome() == RecordedRate.Outcome.UNCHANGED ? r
                : new RecordedRate(Objects.requireNonNull(ids.get(r.rateDate())), r.currency(), r.rateDate(), r.rate(),
                r.source(), r.outcome(), r.previous())).toList();
    }

    private static RecordedRate result(long id, CheckedRate r, RecordedRate.Outcome outcome, @Nullable BigDecimal previous) {
        return new RecordedRate(id, r.currency(), r.rateDate(), r.rate(), r.source(), outcome, previous);
    }

    /** More than {@code percent} % away from {@code previous}, either way. */
    static boolean outlying(BigDecimal previous, BigDecimal rate, BigDecimal percent) {
        BigDecimal change = rate.subtract(previous).abs().multiply(HUNDRED).divide(previous, MathContext.DECIMAL64);
        return change.compareTo(percent) > 0;
    }

    /** The last active rate before a day, the one a new rate is compared with. */
    private @Nullable BigDecimal lastBefore(long cooperativeId, String currency, LocalDate day) {
        return dsl.select(EXCHANGE_RATE.RATE).from(EXCHANGE_RATE)
                .where(active(cooperativeId, currency).and(EXCHANGE_RATE.RATE_DATE.lt(day)))
                .orderBy(EXCHANGE_RATE.RATE_DATE.desc()).limit(1).fetchOne(EXCHANGE_RATE.RATE);
    }

    /** A rate that passed {@link #checked}: its currency's code and its day are there. */
    private record CheckedRate(String currency, LocalDate rateDate, BigDecimal rate, String source) {
    }

    /** Every rate valid, none twice, none in the cooperative's own currency; sorted by currency and day. */
    private List<CheckedRate> checked(Cooperative c, List<NewRate> rates) {
        DomainException.require(rates != null && !rates.isEmpty() && rates.size() <= MAX_BATCH, "fx.rate.batch.size", MAX_BATCH);
        LocalDate today = c.today(clock);
        Set<String> days = new HashSet<>();
        List<CheckedRate> checked = new ArrayList<>(rates.size());
        for (NewRate r : rates) {
            CheckedRate ok = checked(c.baseCurrency(), today, r);
            DomainException.require(days.add(ok.currency() + ok.rateDate()), "fx.rate.twice", ok.currency(),
                    ok.rateDate().toString());
            checked.add(ok);
        }
        checked.sort(Comparator.comparing(CheckedRate::currency).thenComparing(CheckedRate::rateDate));
        return checked;
    }

    private static CheckedRate checked(String base, LocalDate today, NewRate r) {
        DomainException.require(r != null, "fx.rate.missing");
        String currency = Amounts.currency(r.currency()).getCurrencyCode();
        DomainException.require(!currency.equals(base), "fx.currency.is-base", currency);
        DomainException.require(r.rateDate() != null, "fx.rate.date.missing");
        DomainException.require(!r.rateDate().isBefore(EARLIEST) && !r.rateDate().isAfter(today), "fx.rate.date.range",
                r.rateDate().toString(), EARLIEST.toString(), today.toString());
        DomainException.require(r.source() != null && r.source().matches(SOURCE), "fx.rate.source.invalid",
                String.valueOf(r.source()));
        return new CheckedRate(currency, r.rateDate(), requireRate(r.rate()), r.source());
    }

    /** A rate: positive, below {@link #MAX_RATE}, at most {@link #RATE_SCALE} decimals; never expanded when absurd. */
    public static BigDecimal requireRate(@Nullable BigDecimal rate) {
        DomainException.require(rate != null, "fx.rate.missing");
        String shown = Amounts.shown(rate);
        DomainException.require(rate.signum() > 0 && rate.compareTo(MAX_RATE) < 0, "fx.rate.range", shown, MAX_RATE.toPlainString());
        DomainException.require(rate.scale() <= RATE_SCALE || rate.stripTrailingZeros().scale() <= RATE_SCALE,
                "fx.rate.too-precise", shown, RATE_SCALE);
        return rate(rate);
    }

    /** A rate written as text (an API body, a rate sheet): plain digits, a point, at most 8 decimals; then checked. */
    public static BigDecimal parseRate(@Nullable String text) {
        DomainException.require(text != null && !text.isEmpty(), "fx.rate.missing");
        DomainException.require(RATE_TEXT.matcher(text).matches(), "fx.rate.malformed", shortened(text));
        return requireRate(new BigDecimal(text));
    }

    /** A caller's text for a message: at most 32 characters of it. */
    public static String shortened(String text) {
        return text.length() <= SHOWN_TEXT ? text : text.substring(0, SHOWN_TEXT) + "…";
    }

    /** A stored rate without its trailing zeros (3550.12345600 → 3550.123456), never in exponent form. */
    static BigDecimal rate(BigDecimal stored) {
        BigDecimal stripped = stored.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** A currency's rates between two days, newest first, at most {@value #MAX_LISTED}. */
    public List<RateRow> history(long cooperativeId, String currency, LocalDate from, LocalDate to) {
        DomainException.require(from != null && to != null && !from.isAfter(to), "fx.rate.period.invalid");
        return dsl.selectFrom(EXCHANGE_RATE).where(EXCHANGE_RATE.COOPERATIVE_ID.eq(cooperativeId)
                        .and(EXCHANGE_RATE.CURRENCY.eq(Amounts.currency(currency).getCurrencyCode()))
                        .and(EXCHANGE_RATE.RATE_DATE.between(from, to)))
                .orderBy(EXCHANGE_RATE.RATE_DATE.desc(), EXCHANGE_RATE.ID.desc()).limit(MAX_LISTED).fetch(ExchangeRateService::row);
    }

    /** The rates waiting for a chair's confirmation, oldest first. */
    public List<RateRow> pending(long cooperativeId) {
        return dsl.selectFrom(EXCHANGE_RATE).where(EXCHANGE_RATE.COOPERATIVE_ID.eq(cooperativeId)
                        .and(EXCHANGE_RATE.STATUS.eq("PENDING")))
                .orderBy(EXCHANGE_RATE.RATE_DATE, EXCHANGE_RATE.ID).limit(MAX_LISTED).fetch(ExchangeRateService::row);
    }

    /** The currencies the cooperative has rates of, in code order. */
    public List<String> currencies(long cooperativeId) {
        return dsl.selectDistinct(EXCHANGE_RATE.CURRENCY).from(EXCHANGE_RATE)
                .where(EXCHANGE_RATE.COOPERATIVE_ID.eq(cooperativeId)).orderBy(EXCHANGE_RATE.CURRENCY).limit(MAX_LISTED)
                .fetch(EXCHANGE_RATE.CURRENCY);
    }

    /**
     * A chair's decision on an outlying rate: confirmed, it is used from now on; rejected, it stays as history and
     * its day is free for another rate. Never by the one who entered it (the database refuses it too).
     */
    @Transactional
    @PreAuthorize("@access.may('DECIDE_RATES')")
    public RateRow decide(long cooperativeId, long rateId, boolean confirm) {
        String actor = CurrentActor.name();
        RateRow pending = dsl.selectFrom(EXCHANGE_RATE).where(EXCHANGE_RATE.COOPERATIVE_ID.eq(cooperativeId)
                        .and(EXCHANGE_RATE.ID.eq(rateId)).and(EXCHANGE_RATE.STATUS.eq("PENDING"))).forUpdate()
                .fetchOptional(ExchangeRateService::row).orElseThrow(() -> DomainException.notFound("fx.rate.not-pending", rateId));
        DomainException.require(!pending.enteredBy().equals(actor), "fx.rate.own-decision");
        dsl.update(EXCHANGE_RATE).set(EXCHANGE_RATE.STATUS, confirm ? "ACTIVE" : "REJECTED")
                .set(EXCHANGE_RATE.DECIDED_BY, actor).set(EXCHANGE_RATE.DECIDED_AT, OffsetDateTime.now(clock))
                .where(EXCHANGE_RATE.ID.eq(rateId)).execute();
        return new RateRow(pending.id(), pending.currency(), pending.rateDate(), pending.rate(), pending.source(),
                confirm ? "ACTIVE" : "REJECTED", pending.enteredBy());
    }

    /** Changes the cooperative's currency settings (a chair's). */
    @Transactional
    @PreAuthorize("@access.may('DECIDE_RATES')")
    public FxSettings updateSettings(long cooperativeId, FxSettings s) {
        DomainException.require(s != null && s.staleAfterDays() >= 1 && s.staleAfterDays() <= 366, "fx.settings.stale");
        DomainException.require(s.outlierPercent() != null && s.outlierPercent().signum() > 0
                && s.outlierPercent().compareTo(HUNDRED) <= 0 && s.outlierPercent().scale() <= 4, "fx.settings.outlier");
        DomainException.require(s.cashMinorUnits() == null || (s.cashMinorUnits() >= 0 && s.cashMinorUnits() <= 4), "fx.settings.cash");
        dsl.insertInto(FX_SETTING).set(FX_SETTING.COOPERATIVE_ID, cooperativeId).set(FX_SETTING.STALE_AFTER_DAYS, s.staleAfterDays())
                .set(FX_SETTING.OUTLIER_PERCENT, s.outlierPercent()).set(FX_SETTING.CASH_MINOR_UNITS, s.cashMinorUnits())
                .set(FX_SETTING.CHANGED_BY, CurrentActor.name())
                .onConflict(FX_SETTING.COOPERATIVE_ID).doUpdate()
                .set(FX_SETTING.STALE_AFTER_DAYS, s.staleAfterDays()).set(FX_SETTING.OUTLIER_PERCENT, s.outlierPercent())
                .set(FX_SETTING.CASH_MINOR_UNITS, s.cashMinorUnits()).set(FX_SETTING.CHANGED_BY, CurrentActor.name())
                .set(FX_SETTING.CHANGED_AT, OffsetDateTime.now(clock)).execute();
        return settings(cooperativeId);
    }

    private static RateRow row(ExchangeRateRecord r) {
        return new RateRow(r.getId(), r.getCurrency(), r.getRateDate(), rate(r.getRate()), r.getSource(), r.getStatus(),
                r.getEnteredBy());
    }

    /** The cooperative's currency settings, or the defaults when it has none. */
    public FxSettings settings(long cooperativeId) {
        return dsl.selectFrom(FX_SETTING).where(FX_SETTING.COOPERATIVE_ID.eq(cooperativeId))
                .fetchOptional(r -> new FxSettings(r.getStaleAfterDays(), r.getOutlierPercent(), r.getCashMinorUnits()))
                .orElse(FxSettings.DEFAULTS);
    }

    private static Condition live(long cooperativeId, String currency) {
        return EXCHANGE_RATE.COOPERATIVE_ID.eq(cooperativeId).and(EXCHANGE_RATE.CURRENCY.eq(currency))
                .and(EXCHANGE_RATE.STATUS.in("ACTIVE", "PENDING"));
    }

    private static Condition active(long cooperativeId, String currency) {
        return EXCHANGE_RATE.COOPERATIVE_ID.eq(cooperativeId).and(EXCHANGE_RATE.CURRENCY.eq(currency))
                .and(EXCHANGE_RATE.STATUS.eq("ACTIVE"));
    }
}
