package org.lumbung.loans.closing;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.platform.i18n.MoneyText;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the closes of business found: the portfolio snapshot of a business date, the PAR trend over days,
 * the late borrowers for the field visit with a reminder in each borrower's language.
 */
@Service
@PreAuthorize("@access.may('READ_LOANS')")
public class Portfolio {

    public static final int MAX_PAGE = 500;
    public static final int MAX_TREND_DAYS = 1_100;

    private final DSLContext dsl;
    private final CooperativeService cooperatives;

    public Portfolio(DSLContext dsl, CooperativeService cooperatives) {
        this.dsl = dsl;
        this.cooperatives = cooperatives;
    }

    /** The snapshot the close of {@code date} stored; empty when that date was not closed. */
    public Optional<PortfolioSnapshot> snapshot(long cooperativeId, LocalDate date) {
        DomainException.require(date != null, "loans.close.date.missing");
        return Optional.ofNullable(snapshots(cooperativeId, List.of(date)).get(date));
    }

    /** The snapshots the closes of {@code dates} stored, in one read, by date; a date not closed has none. */
    public Map<LocalDate, PortfolioSnapshot> snapshots(long cooperativeId, List<LocalDate> dates) {
        if (dates.isEmpty()) {
            return Map.of();
        }
        Cooperative c = cooperatives.byId(cooperativeId);
        Map<LocalDate, Map<Collectibility, ClassFigures>> byClass = new HashMap<>();
        Map<LocalDate, ClassFigures> totals = new HashMap<>();
        // the dates as one array parameter: one statement text however many months are asked for
        for (Record r : dsl.fetch("select * from loan_portfolio_snapshot where cooperative_id = {0} and business_date = any({1})",
                DSL.val(c.id()), DSL.val(dates.toArray(LocalDate[]::new)))) {
            LocalDate date = r.get("business_date", LocalDate.class);
            String name = r.get("collectibility", String.class);
            ClassFigures f = figures(r, "ALL".equals(name) ? null : Collectibility.valueOf(name));
            if (f.collectibility() == null) {
                totals.put(date, f);
            } else {
                byClass.computeIfAbsent(date, d -> new EnumMap<>(Collectibility.class)).put(f.collectibility(), f);
            }
        }
        Map<LocalDate, PortfolioSnapshot> snapshots = new HashMap<>();
        totals.forEach((date, total) -> {
            Map<Collectibility, ClassFigures> classes = byClass.getOrDefault(date, Map.of());
            List<ClassFigures> ordered = new ArrayList<>();
            for (Collectibility k : Collectibility.values()) {
                ordered.add(classes.getOrDefault(k, new ClassFigures(k, 0, BigDecimal.ZERO, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0,
                        BigDecimal.ZERO, 0, BigDecimal.ZERO)));
            }
            snapshots.put(date, new PortfolioSnapshot(date, c.baseCurrency(), total, ordered));
        });
        return snapshots;
    }

    private static ClassFigures figures(Record r, @Nullable Collectibility k) {
        return new ClassFigures(k, r.get("loans", Integer.class), r.get("outstanding", BigDecimal.class).stripTrailingZeros(),
                r.get("par1_amount", BigDecimal.class), r.get("par1_loans", Integer.class), r.get("par30_amount", BigDecimal.class),
                r.get("par30_loans", Integer.class), r.get("par90_amount", BigDecimal.class), r.get("par90_loans", Integer.class),
                r.get("provision", BigDecimal.class));
    }

    /** The whole portfolio's figures of every closed day from {@code from} to {@code to}, oldest first. */
    public List<PortfolioSnapshot> trend(long cooperativeId, LocalDate from, LocalDate to) {
        Cooperative c = cooperatives.byId(cooperativeId);
        requirePeriod(from, to);
        return dsl.fetch("select * from loan_portfolio_snapshot where cooperative_id = ? and collectibility = 'ALL' "
                        + "and business_date between ? and ? order by business_date", c.id(), from, to)
                .map(r -> new PortfolioSnapshot(r.get("business_date", LocalDate.class), c.baseCurrency(), figures(r, null), List.of()));
    }

    /** The one check of a period asked for (a trend, a quality breakdown): both ends, in order, at most {@link #MAX_TREND_DAYS}. */
    static void requirePeriod(LocalDate from, LocalDate to) {
        DomainException.require(from != null && to != null && !from.isAfter(to)
                && ChronoUnit.DAYS.between(from, to) < MAX_TREND_DAYS, "loans.close.trend.invalid", MAX_TREND_DAYS);
    }

    /**
     * Borrowers of active loans with something overdue as their last close found it, most days past due
     * first, with what is overdue now (less what was paid since).
     */
    public List<LateBorrower> lateBorrowers(long cooperativeId, int offset, int limit) {
        Cooperative c = cooperatives.byId(cooperativeId);
        DomainException.require(offset >= 0 && limit > 0 && limit <= MAX_PAGE, "page.invalid", MAX_PAGE);
        return dsl.fetch("select l.id, l.number, m.id as member_id, m.member_number, m.full_name, m.phone, m.village, m.locale,"
                + " l.days_past_due, l.aging_class, l.currency,"
                + " sum(i.principal_due + i.interest_due + i.fee_due + i.penalty_due - i.principal_paid - i.interest_paid"
                + " - i.interest_waived - i.fee_paid - i.penalty_paid) filter (where i.state = 'OVERDUE') as overdue,"
                + " sum(i.principal_due - i.principal_paid) as outstanding,"
                + " min(i.due_date) filter (where i.state = 'OVERDUE') as oldest"
                + " from loan l join member m on m.id = l.member_id"
                + " join loan_instalment i on i.loan_id = l.id and i.schedule_version = l.schedule_version"
                + " where l.cooperative_id = ? and l.status = 'ACTIVE' and l.days_past_due > 0"
                + " group by l.id, m.id order by l.days_past_due desc, l.id offset ? limit ?", c.id(), offset, limit)
                .map(r -> new LateBorrower(r.get("id", Long.class), r.get("number", String.class), r.get("member_id", Long.class),
                        r.get("member_number", Integer.class), r.get("full_name", String.class), r.get("phone", String.class),
                        r.get("village", String.class), r.get("locale", String.class), r.get("days_past_due", Integer.class),
                        Collectibility.valueOf(r.get("aging_class", String.class)),
                        Optional.ofNullable(r.get("overdue", BigDecimal.class)).orElse(BigDecimal.ZERO),
                        r.get("outstanding", BigDecimal.class), r.get("oldest", LocalDate.class), r.get("currency", String.class)));
    }

    public int lateBorrowerCount(long cooperativeId) {
        Cooperative c = cooperatives.byId(cooperativeId);
        return dsl.fetchOne("select count(*) from loan where cooperative_id = ? and status = 'ACTIVE' and days_past_due > 0", c.id())
                .get(0, Integer.class);
    }

    /** A polite reminder to copy into a chat with the borrower, in her own language. */
    public String reminder(long cooperativeId, LateBorrower b) {
        Cooperative c = cooperatives.byId(cooperativeId);
        var locale = Messages.forCode(b.locale());
        return Messages.get("loans.close.reminder", locale, b.fullName(), b.loanNumber(),
                MoneyText.money(b.overdueAmount(), b.currency(), locale),
                b.oldestDueDate() == null ? "" : b.oldestDueDate().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)),
                b.daysPastDue(), c.name());
    }
}
