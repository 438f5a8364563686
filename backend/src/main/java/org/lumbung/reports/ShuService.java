package org.lumbung.reports;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.Account;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.lumbung.savings.SavingsAccountRole;
import org.lumbung.security.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

import static org.lumbung.db.jooq.Tables.SHU_DISTRIBUTION;
import static org.lumbung.db.jooq.Tables.SHU_SETTING;

/**
 * The SHU distribution of a fiscal year: its split (the meeting's percentages, default {@link ShuSplit#DEFAULT}),
 * the preview of pools and members' shares, computed exactly ({@link ShuCalculator}). Jasa modal divides the capital
 * pool by the members' pokok + wajib ({@link ShuBases}); jasa usaha divides the patronage pool by the patronage every
 * {@link PatronageContributor} reports (loan interest paid; shop purchases when the shop lands). Posting is
 * {@link ShuPosting}'s.
 */
@Service
@PreAuthorize("@access.may('READ_LEDGER')")
public class ShuService {

    /** The years a split or distribution is asked for. */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2999;

    private final DSLContext dsl;
    private final CooperativeService cooperatives;
    private final ChartOfAccounts chart;
    private final FinancialStatements statements;
    private final YearEndEntries yearEnd;
    private final ShuBases bases;
    private final List<PatronageContributor> patronage;

    public ShuService(DSLContext dsl, CooperativeService cooperatives, ChartOfAccounts chart, FinancialStatements statements,
                      YearEndEntries yearEnd, ShuBases bases, List<PatronageContributor> patronage) {
        this.dsl = dsl;
        this.cooperatives = cooperatives;
        this.chart = chart;
        this.statements = statements;
        this.yearEnd = yearEnd;
        this.bases = bases;
        this.patronage = List.copyOf(patronage);
    }

    static void requireYear(int year) {
        DomainException.require(year >= FIRST_YEAR && year <= LAST_YEAR, "reports.year.invalid", Integer.toString(FIRST_YEAR), Integer.toString(LAST_YEAR));
    }

    public ShuSplit split(long cooperativeId, int year) {
        requireYear(year);
        return dsl.selectFrom(SHU_SETTING).where(SHU_SETTING.COOPERATIVE_ID.eq(cooperativeId).and(SHU_SETTING.FISCAL_YEAR.eq(year)))
                .fetchOptional(r -> {
                    Map<ShuPool, BigDecimal> p = new EnumMap<>(ShuPool.class);
                    p.put(ShuPool.RESERVE, r.getReserve());
                    p.put(ShuPool.CAPITAL, r.getCapital());
                    p.put(ShuPool.PATRONAGE, r.getPatronage());
                    p.put(ShuPool.BOARD, r.getBoard());
                    p.put(ShuPool.STAFF, r.getStaff());
                    p.put(ShuPool.EDUCATION, r.getEducation());
                    p.put(ShuPool.SOCIAL, r.getSocial());
                    p.put(ShuPool.AREA_DEVELOPMENT, r.getAreaDevelopment());
                    return new ShuSplit(p, ShuSplit.CapitalBase.valueOf(r.getCapitalBase()));
                }).orElse(ShuSplit.DEFAULT);
    }

    /** The meeting's split of a year; refused once the year's distribution is posted. */
    @PreAuthorize("@access.may('CLOSE_PERIOD')")
    public void saveSplit(long cooperativeId, int year, ShuSplit split) {
        requireYear(year);
        DomainException.require(split != null, "reports.shu.split.invalid");
        DomainException.require(posted(cooperativeId, year).isEmpty(), "reports.shu.already-posted", Integer.toString(year));
        Map<Field<?>, Object> values = new HashMap<>();
        values.put(SHU_SETTING.RESERVE, split.percent(ShuPool.RESERVE));
        values.put(SHU_SETTING.CAPITAL, split.percent(ShuPool.CAPITAL));
        values.put(SHU_SETTING.PATRONAGE, split.percent(ShuPool.PATRONAGE));
        values.put(SHU_SETTING.BOARD, split.percent(ShuPool.BOARD));
        values.put(SHU_SETTING.STAFF, split.percent(ShuPool.STAFF));
        values.put(SHU_SETTING.EDUCATION, split.percent(ShuPool.EDUCATION));
        values.put(SHU_SETTING.SOCIAL, split.percent(ShuPool.SOCIAL));
        values.put(SHU_SETTING.AREA_DEVELOPMENT, split.percent(ShuPool.AREA_DEVELOPMENT));
        values.put(SHU_SETTING.CAPITAL_BASE, split.capitalBase().name());
        values.put(SHU_SETTING.CHANGED_BY, CurrentActor.name());
        values.put(SHU_SETTING.CHANGED_AT, OffsetDateTime.now());
        dsl.insertInto(SHU_SETTING).set(SHU_SETTING.COOPERATIVE_ID, cooperativeId).set(SHU_SETTING.FISCAL_YEAR, year).set(values)
                .onConflict(SHU_SETTING.COOPERATIVE_ID, SHU_SETTING.FISCAL_YEAR).doUpdate().set(values).execute();
    }

    /** The year's surplus (the statement of surplus of the fiscal year, in the base currency) and its distribution. */
    public ShuDistribution preview(long cooperativeId, int year) {
        requireYear(year);
        Cooperative c = cooperatives.byId(cooperativeId);
        FiscalYear fy = FiscalYear.of(c, year);
        String currency = c.baseCurrency();
        BigDecimal surplus = statements.income(cooperativeId, fy.first(), fy.last(), currency).totals().surplus();
        ShuSplit split = split(cooperativeId, year);
        Map<Long, BigDecimal> capital = bases.capital(cooperativeId, controlAccounts(cooperativeId), fy, split.capitalBase(), currency);
        Map<Long, BigDecimal> patronageBases = patronage(c, year);
        return distribute(year, currency, surplus, split, capital, patronageBases,
                bases.members(cooperativeId, union(capital, patronageBases)),
                yearEnd.standingClose(cooperativeId, year).isPresent(), posted(cooperativeId, year).orElse(null));
    }

    /** Pure: the pools of the surplus and the members' shares of the capital and patronage pools. */
    static ShuDistribution distribute(int year, String currency, BigDecimal surplus, ShuSplit split, Map<Long, BigDecimal> capital,
                                      Map<Long, BigDecimal> patronage, Map<Long, ShuBases.Member> members, boolean closed,
                                      ShuDistribution.@Nullable Posted posted) {
        int decimals = Amounts.minorUnits(currency);
        Map<ShuPool, BigDecimal> pools = ShuCalculator.largestRemainder(surplus.signum() > 0 ? surplus : BigDecimal.ZERO,
                new LinkedHashMap<>(split.percents()), decimals);
        List<ShuBases.Member> ordered = members.values().stream().sorted(Comparator.comparingInt(ShuBases.Member::number)).toList();
        Map<Long, BigDecimal> jasaModal = ShuCalculator.largestRemainder(Objects.requireNonNull(pools.get(ShuPool.CAPITAL)),
                weights(ordered, capital), decimals);
        Map<Long, BigDecimal> jasaUsaha = ShuCalculator.largestRemainder(Objects.requireNonNull(pools.get(ShuPool.PATRONAGE)),
                weights(ordered, patronage), decimals);
        BigDecimal zero = BigDecimal.ZERO.setScale(decimals);
        List<MemberShare> shares = new ArrayList<>(ordered.size());
        for (ShuBases.Member m : ordered) {
            shares.add(new MemberShare(m.id(), m.number(), m.fullName(), capital.getOrDefault(m.id(), zero),
                    patronage.getOrDefault(m.id(), zero), Objects.requireNonNull(jasaModal.get(m.id())),
                    Objects.requireNonNull(jasaUsaha.get(m.id()))));
        }
        return new ShuDistribution(year, currency, surplus, closed, split, pools, shares,
                new ShuDistribution.Totals(sum(shares, MemberShare::capitalBase, zero), sum(shares, MemberShare::patronageBase, zero),
                        sum(shares, MemberShare::jasaModal, zero), sum(shares, MemberShare::jasaUsaha, zero)), posted);
    }

    private static Map<Long, BigDecimal> weights(List<ShuBases.Member> ordered, Map<Long, BigDecimal> bases) {
        Map<Long, BigDecimal> weights = new LinkedHashMap<>();
        ordered.forEach(m -> weights.put(m.id(), bases.getOrDefault(m.id(), BigDecimal.ZERO)));
        return weights;
    }

    private static BigDecimal sum(List<MemberShare> shares, Function<MemberShare, BigDecimal> part, BigDecimal zero) {
        return shares.stream().map(part).reduce(zero, BigDecimal::add);
    }

    private List<Long> controlAccounts(long cooperativeId) {
        return List.of(SavingsAccountRole.MEMBER_SHARE_CAPITAL, SavingsAccountRole.MEMBER_MANDATORY_SAVINGS).stream()
                .map(role -> chart.find(cooperativeId, chart.code(cooperativeId, role))).flatMap(Optional::stream)
                .map(Account::id).toList();
    }

    /** Each member's patronage of the year, summed over every contributor (non-negative, minor units). */
    private Map<Long, BigDecimal> patronage(Cooperative c, int year) {
        Map<Long, BigDecimal> total = new HashMap<>();
        for (PatronageContributor contributor : patronage) {
            contributor.patronage(c, Year.of(year)).forEach((member, amount) -> {
                if (amount.signum() < 0) {
                    throw new IllegalStateException(contributor.key() + " reported negative patronage for member " + member);
                }
                total.merge(member, Amounts.normalise(amount, c.baseCurrency()), BigDecimal::add);
            });
        }
        total.values().removeIf(a -> a.signum() == 0);
        return total;
    }

    private static TreeSet<Long> union(Map<Long, BigDecimal> a, Map<Long, BigDecimal> b) {
        TreeSet<Long> ids = new TreeSet<>(a.keySet());
        ids.addAll(b.keySet());
        return ids;
    }

    Optional<ShuDistribution.Posted> posted(long cooperativeId, int year) {
        return dsl.selectFrom(SHU_DISTRIBUTION)
                .where(SHU_DISTRIBUTION.COOPERATIVE_ID.eq(cooperativeId).and(SHU_DISTRIBUTION.FISCAL_YEAR.eq(year)))
                .fetchOptional(r -> new ShuDistribution.Posted(ShuDistribution.Destination.valueOf(r.getDestination()),
                        r.getEntryId(), r.getPostedBy(), r.getPostedAt().toInstant()));
    }
}
