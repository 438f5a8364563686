package org.lumbung.remittance;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.lumbung.fx.DatedRate;
import org.lumbung.fx.ExchangeRateService;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.lumbung.db.jooq.Tables.REMITTANCE;
import static org.lumbung.db.jooq.Tables.REMITTANCE_ALLOCATION;

/**
 * The corridor reports: what arrived by month, corridor, currency and channel; how much of it was put to work
 * (savings and loan repayments against cash and fees); and the cost of sending per corridor and channel — the
 * sender's fee plus the rate's margin against the day's reference rate (the cooperative's dated rate), as a
 * percentage of the amount sent, set against the international target of 3 % (SDG 10.c).
 */
@Service
@PreAuthorize("@access.may('VIEW_REMITTANCES')")
public class RemittanceReports {

    /** The SDG 10.c target for the cost of sending a remittance, in percent of the amount sent. */
    public static final BigDecimal COST_TARGET_PERCENT = new BigDecimal("3");
    /** The longest period a report covers. */
    public static final int MAX_YEARS = 10;

    private final DSLContext dsl;
    private final ExchangeRateService rates;

    public RemittanceReports(DSLContext dsl, ExchangeRateService rates) {
        this.dsl = dsl;
        this.rates = rates;
    }

    /** Receipts of one month, corridor, currency and channel. */
    public record Inflow(YearMonth month, String corridor, String currency, RemittanceChannel channel, int count,
                         BigDecimal sent, BigDecimal received) {
    }

    /** Where the received amounts went, in the cooperative's currency. */
    public record PutToWork(BigDecimal received, BigDecimal savings, BigDecimal loanRepayments, BigDecimal cash, BigDecimal fees) {

        /** Savings and loan repayments as a percentage of what was received (one decimal). */
        public BigDecimal percent() {
            return received.signum() == 0 ? BigDecimal.ZERO
                    : savings.add(loanRepayments).multiply(BigDecimal.valueOf(100)).divide(received, 1, RoundingMode.HALF_EVEN);
        }
    }

    /** The cost of sending through one corridor and channel in one currency; {@code percent} null when no reference rate. */
    public record SendingCost(String corridor, RemittanceChannel channel, String currency, int count, BigDecimal sent,
                              BigDecimal fees, BigDecimal margin, @Nullable BigDecimal percent) {

        public boolean withinTarget() {
            return percent != null && percent.compareTo(COST_TARGET_PERCENT) <= 0;
        }
    }

    /** Today's and this month's arrivals, for the dashboard. */
    public record Arrivals(int count, BigDecimal received) {
    }

    public List<Inflow> inflows(long cooperativeId, LocalDate from, LocalDate to) {
        var month = DSL.field("date_trunc('month', {0})::date", LocalDate.class, REMITTANCE.RECEIVED_ON);
        return dsl.select(month, REMITTANCE.CORRIDOR, REMITTANCE.SENT_CURRENCY, REMITTANCE.CHANNEL, DSL.count(),
                        DSL.sum(REMITTANCE.SENT_AMOUNT), DSL.sum(REMITTANCE.RECEIVED_AMOUNT), REMITTANCE.RECEIVED_CURRENCY)
                .from(REMITTANCE).where(period(cooperativeId, from, to))
                .groupBy(month, REMITTANCE.CORRIDOR, REMITTANCE.SENT_CURRENCY, REMITTANCE.CHANNEL, REMITTANCE.RECEIVED_CURRENCY)
                .orderBy(month, REMITTANCE.CORRIDOR, REMITTANCE.CHANNEL)
                .fetch(r -> new Inflow(YearMonth.from(r.value1()), r.value2(), r.value3(), RemittanceChannel.valueOf(r.value4()),
                        r.value5(), Amounts.normalise(r.value6(), r.value3()), Amounts.normalise(r.value7(), r.value8())));
    }

    public PutToWork putToWork(long cooperativeId, LocalDate from, LocalDate to, String currency) {
        return putToWork(dsl, period(cooperativeId, from, to), currency);
    }

    /** Where the receipts chosen by {@code where} went, by allocation kind, in the cooperative's currency. */
    static PutToWork putToWork(DSLContext dsl, Condition where, String currency) {
        Map<String, BigDecimal> byKind = dsl.select(REMITTANCE_ALLOCATION.KIND, DSL.sum(REMITTANCE_ALLOCATION.AMOUNT))
                .from(REMITTANCE_ALLOCATION).join(REMITTANCE).on(REMITTANCE.ID.eq(REMITTANCE_ALLOCATION.REMITTANCE_ID))
                .where(where).groupBy(REMITTANCE_ALLOCATION.KIND)
                .fetchMap(r -> r.value1(), r -> Amounts.normalise(r.value2(), currency));
        return byKind(byKind, currency);
    }

    static PutToWork byKind(Map<String, BigDecimal> byKind, String currency) {
        BigDecimal zero = BigDecimal.ZERO.setScale(Amounts.minorUnits(currency));
        BigDecimal savings = byKind.getOrDefault("SAVINGS", zero);
        BigDecimal loans = byKind.getOrDefault("LOAN_REPAYMENT", zero);
        BigDecimal cash = byKind.getOrDefault("CASH", zero);
        BigDecimal fees = byKind.getOrDefault("FEE", zero);
        return new PutToWork(savings.add(loans).add(cash).add(fees), savings, loans, cash, fees);
    }

    /**
     * One member's remittances over all time, for her history on the staff screen: how many, from which corridors,
     * first and last, and where the money went.
     */
    public record MemberHistory(int receipts, List<String> corridors, LocalDate first, LocalDate last, PutToWork work) {
    }

    public MemberHistory memberHistory(long cooperativeId, long memberId, String currency) {
        Condition hers = REMITTANCE.COOPERATIVE_ID.eq(cooperativeId).and(REMITTANCE.MEMBER_ID.eq(memberId));
        Record r = dsl.select(DSL.count(), DSL.min(REMITTANCE.RECEIVED_ON), DSL.max(REMITTANCE.RECEIVED_ON),
                DSL.arrayAggDistinct(REMITTANCE.CORRIDOR)).from(REMITTANCE).where(hers).fetchOne();
        String[] corridors = r.get(3, String[].class);
        return new MemberHistory(r.get(0, Integer.class), corridors == null ? List.of() : List.of(corridors).stream().sorted().toList(),
                r.get(1, LocalDate.class), r.get(2, LocalDate.class), putToWork(dsl, hers, currency));
    }

    /** Receipts and the amount received from..to (the dashboard's "today" and "this month"). */
    public Arrivals arrivals(long cooperativeId, LocalDate from, LocalDate to, String currency) {
        Record r = dsl.select(DSL.count(), DSL.sum(REMITTANCE.RECEIVED_AMOUNT)).from(REMITTANCE)
                .where(period(cooperativeId, from, to)).fetchOne();
        BigDecimal sum = r.get(1, BigDecimal.class);
        return new Arrivals(r.get(0, Integer.class), Amounts.normalise(sum == null ? BigDecimal.ZERO : sum, currency));
    }

    /**
     * The cost of sending per corridor, channel and currency: fees plus, for every receipt, what the rate applied gave
     * less than the day's reference rate (sent × (reference − rate) / reference, in the sent currency; a rate better
     * than the reference counts as a negative margin), over the amount sent. Receipts valued at the reference rate
     * itself (no rate entered) have no margin.
     */
    public List<SendingCost> costOfSending(long cooperativeId, LocalDate from, LocalDate to) {
        Map<String, BigDecimal[]> groups = new LinkedHashMap<>();
        Map<String, Optional<DatedRate>> reference = new HashMap<>();
        dsl.select(REMITTANCE.CORRIDOR, REMITTANCE.CHANNEL, REMITTANCE.SENT_CURRENCY, REMITTANCE.SENT_AMOUNT, REMITTANCE.FEE,
                        REMITTANCE.RATE, REMITTANCE.RECEIVED_ON)
                .from(REMITTANCE).where(period(cooperativeId, from, to))
                .orderBy(REMITTANCE.CORRIDOR, REMITTANCE.CHANNEL, REMITTANCE.SENT_CURRENCY)
                .forEach(r -> {
                    Optional<DatedRate> ref = reference.computeIfAbsent(r.value3() + r.value7(),
                            k -> rates.rateOn(cooperativeId, r.value3(), r.value7()));
                    BigDecimal[] g = groups.computeIfAbsent(r.value1() + "|" + r.value2() + "|" + r.value3(),
                            k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                    g[0] = g[0].add(BigDecimal.ONE);
                    g[1] = g[1].add(r.value4());
                    g[2] = g[2].add(r.value5());
                    ref.ifPresent(d -> g[3] = g[3].add(r.value4().multiply(d.rate().subtract(r.value6()))
                            .divide(d.rate(), 8, RoundingMode.HALF_EVEN)));
                    g[4] = ref.isPresent() ? g[4] : g[4].add(BigDecimal.ONE);
                });
        List<SendingCost> costs = new ArrayList<>(groups.size());
        groups.forEach((key, g) -> costs.add(cost(key.split("\\|"), g)));
        return costs;
    }

    private static SendingCost cost(String[] key, BigDecimal[] g) {
        String currency = key[2];
        BigDecimal percent = g[4].signum() > 0 || g[1].signum() == 0 ? null
                : g[2].add(g[3]).multiply(BigDecimal.valueOf(100)).divide(g[1], 2, RoundingMode.HALF_EVEN);
        return new SendingCost(key[0], RemittanceChannel.valueOf(key[1]), currency, g[0].intValue(),
                Amounts.normalise(g[1], currency), Amounts.normalise(g[2], currency), Amounts.round(g[3], currency), percent);
    }

    private static Condition period(long cooperativeId, LocalDate from, LocalDate to) {
        return REMITTANCE.COOPERATIVE_ID.eq(cooperativeId).and(period(from, to));
    }

    /** A report's period: both days, in order, at most {@value #MAX_YEARS} years. */
    static Condition period(LocalDate from, LocalDate to) {
        DomainException.require(from != null && to != null && !to.isBefore(from) && !to.isAfter(from.plusYears(MAX_YEARS)),
                "remittance.report.period", MAX_YEARS);
        return REMITTANCE.RECEIVED_ON.between(from, to);
    }
}
