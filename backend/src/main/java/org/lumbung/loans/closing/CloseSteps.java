package org.lumbung.loans.closing;

import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The set-based SQL of one close of business of one cooperative and date, each statement over all its
 * active loans at once (no row-by-row round trips). Only loans in the cooperative's base currency are
 * closed: the ledger's control accounts are in it. The schedule read is each loan's current version.
 *
 * <p>An instalment is overdue on date D when it is unpaid and its due date is before D; a loan's days past
 * due are D minus the due date of its oldest overdue instalment (Fineract's "days in arrears").
 */
final class CloseSteps {

    /** The loans closed: active, in the base currency, with their current schedule. */
    private static final String CURRENT = "l.cooperative_id = {0} and l.status = 'ACTIVE' and l.currency = {2} "
            + "and i.cooperative_id = {0} and i.loan_id = l.id and i.schedule_version = l.schedule_version";

    /** What an instalment still owes besides penalties: the base of a percentage penalty. */
    private static final String OVERDUE_AMOUNT = "(i.principal_due + i.interest_due + i.fee_due "
            + "- i.principal_paid - i.interest_paid - i.interest_waived - i.fee_paid)";

    private final DSLContext tx;
    private final long cooperativeId;
    private final LocalDate date;
    private final String currency;
    private final int scale;

    CloseSteps(DSLContext tx, long cooperativeId, LocalDate date, String currency, int scale) {
        this.tx = tx;
        this.cooperativeId = cooperativeId;
        this.date = date;
        this.currency = currency;
        this.scale = scale;
    }

    private String sql(String template) {
        return template.replace("{S}", Integer.toString(scale));
    }

    /** Marks the instalments that fell overdue, then sets each loan's days past due and class. Answers the late loans. */
    int arrears(CollectibilityPolicy policy) {
        tx.execute(sql("update loan_instalment i set state = 'OVERDUE' from loan l where " + CURRENT
                + " and i.state = 'DUE' and i.due_date < {1}"), cooperativeId, date, currency);
        String classOf = classOf(policy, "x.dpd");
        tx.execute("update loan l set days_past_due = x.dpd, aging_class = " + classOf + " from ("
                + " select l.id, coalesce({1} - min(i.due_date) filter (where i.state = 'OVERDUE'), 0) as dpd"
                + " from loan l join loan_instalment i on " + CURRENT + " group by l.id) x"
                + " where l.id = x.id and (l.days_past_due, l.aging_class) is distinct from (x.dpd, " + classOf + ")",
                cooperativeId, date, currency);
        return tx.fetchOne("select count(*) from loan l where l.cooperative_id = ? and l.status = 'ACTIVE' and l.currency = ? "
                + "and l.days_past_due > 0", cooperativeId, currency).get(0, Integer.class);
    }

    /**
     * Brings each overdue instalment's penalty up to what the loan's rule says it has earned by this date
     * ({@link org.lumbung.loans.schedule.Penalties#forOverdue}, the engine's formula, here in SQL over all
     * instalments at once): on what it still owes besides penalties, for the days late beyond the grace
     * days, a percentage per day, or per started month of 30 days, or a fixed amount; at most the cap per
     * instalment; rounded once half-even. The penalty is cumulative, so a day charges the difference to
     * what is already charged (never less than nothing). Answers the day's total (0 if none), summed from the
     * rows the same statement inserts.
     */
    BigDecimal penalties() {
        String chargeable = "({1} - i.due_date - l.penalty_grace_days)";
        String percent = OVERDUE_AMOUNT + " * l.penalty_value / 100";
        return total(sql("with earned as (select i.id, i.loan_id, i.penalty_due, lumbung_round_half_even(least(case l.penalty_kind"
                + " when 'PERCENT_PER_DAY' then " + percent + " * " + chargeable
                + " when 'PERCENT_PER_MONTH' then " + percent + " * ceil(" + chargeable + " / 30.0)"
                + " when 'FIXED' then l.penalty_value else 0 end, coalesce(l.penalty_cap, 1e15)), {S}) as total"
                + " from loan l join loan_instalment i on " + CURRENT
                + " where i.state = 'OVERDUE' and l.penalty_kind <> 'NONE' and " + chargeable + " > 0 and " + OVERDUE_AMOUNT + " > 0),"
                + " charged as (update loan_instalment i set penalty_due = e.total from earned e"
                + " where i.id = e.id and e.total > e.penalty_due returning e.loan_id, e.total - e.penalty_due as amount),"
                + " booked as (insert into loan_penalty (loan_id, business_date, cooperative_id, amount)"
                + " select loan_id, {1}, {0}, sum(amount) from charged group by loan_id returning amount)"
                + " select coalesce(sum(amount), 0) from booked"));
    }

    /**
     * Accrues the interest of loans whose product accrues: each instalment's interest earned evenly over
     * the days of its period (from the previous due date, or the schedule's start — the disbursement or the
     * rescheduling — to its due date), the day's
     * part being the rounded share to date less the rounded share to the day before — so a period's
     * accruals add up exactly to its interest, whatever its length. Interest a reschedule carried into the period
     * was accrued under the old schedule and is left out (changeset 064). Answers the day's total, summed from the
     * rows the same statement inserts.
     */
    BigDecimal accruals() {
        return total(sql("with booked as (insert into loan_interest_accrual (loan_id, business_date, cooperative_id, amount)"
                + " select loan_id, {1}, {0}, sum(amount) from ("
                + " select p.loan_id, lumbung_round_half_even(p.interest_due * ({1} - p.start) / (p.due_date - p.start), {S})"
                + " - lumbung_round_half_even(p.interest_due * ({1} - 1 - p.start) / (p.due_date - p.start), {S}) as amount"
                + " from (select i.loan_id, i.interest_due - i.interest_carried as interest_due, i.due_date, coalesce(lag(i.due_date) over"
                + " (partition by i.loan_id order by i.number), l.schedule_start) as start"
                + " from loan l join loan_instalment i on " + CURRENT + " where l.accrues_interest) p"
                + " where {1} > p.start and {1} <= p.due_date) a where amount > 0 group by loan_id returning amount)"
                + " select coalesce(sum(amount), 0) from booked"));
    }

    /** Runs a statement that inserts the day's rows and answers the sum of their amounts. */
    private BigDecimal total(String statement) {
        return tx.fetchOne(statement, cooperativeId, date, currency).get(0, BigDecimal.class);
    }

    /**
     * The day's portfolio: per class and for the whole ('ALL'), the loans, their outstanding principal,
     * PAR1/PAR30/PAR90 (CGAP: the whole outstanding principal of loans with an instalment more than N days
     * late, here as amounts and counts; the ratio is over the gross portfolio) and the provision the
     * class's rate asks for (rounded half-even per loan).
     */
    void snapshot(CollectibilityPolicy policy) {
        tx.execute(sql("insert into loan_portfolio_snapshot (cooperative_id, business_date, collectibility, loans, outstanding,"
                + " par1_amount, par1_loans, par30_amount, par30_loans, par90_amount, par90_loans, provision)"
                + " select {0}, {1}, coalesce(x.aging_class, 'ALL'), count(*), coalesce(sum(x.o), 0),"
                + par(1) + ", " + par(30) + ", " + par(90) + ","
                + " coalesce(sum(lumbung_round_half_even(x.o * " + rateOf(policy, "x.aging_class") + ", {S})), 0)"
                + " from (select l.id, l.aging_class, l.days_past_due as dpd, sum(i.principal_due - i.principal_paid) as o"
                + " from loan l join loan_instalment i on " + CURRENT + " group by l.id) x"
                + " group by grouping sets ((x.aging_class), ())"), cooperativeId, date, currency);
    }

    /**
     * The day's portfolio by loan product and by loan officer (changeset 035): per segment the figures of
     * {@link #snapshot} and the outstanding principal of each class, so each dimension's segments add up to
     * the whole. A segment without active loans that day has no row.
     */
    void segments(CollectibilityPolicy policy) {
        StringBuilder classes = new StringBuilder();
        for (Collectibility k : Collectibility.values()) {
            classes.append(", coalesce(sum(x.o) filter (where x.aging_class = '").append(k.name()).append("'), 0)");
        }
        tx.execute(sql("insert into loan_portfolio_segment (cooperative_id, dimension, segment, business_date, loans, outstanding,"
                + " par1_amount, par1_loans, par30_amount, par30_loans, par90_amount, par90_loans, provision,"
                + " lancar, dalam_perhatian_khusus, kurang_lancar, diragukan, macet)"
                + " select {0}, case when grouping(x.product_id) = 0 then 'PRODUCT' else 'OFFICER' end,"
                + " case when grouping(x.product_id) = 0 then x.product_id::text else x.loan_officer end, {1}, count(*),"
                + " coalesce(sum(x.o), 0), " + par(1) + ", " + par(30) + ", " + par(90) + ","
                + " coalesce(sum(lumbung_round_half_even(x.o * " + rateOf(policy, "x.aging_class") + ", {S})), 0)" + classes
                + " from (select l.id, l.product_id, l.loan_officer, l.aging_class, l.days_past_due as dpd,"
                + " sum(i.principal_due - i.principal_paid) as o from loan l join loan_instalment i on " + CURRENT + " group by l.id) x"
                + " group by grouping sets ((x.product_id), (x.loan_officer))"), cooperativeId, date, currency);
    }

    private static String par(int days) {
        return "coalesce(sum(x.o) filter (where x.dpd > " + days + "), 0), count(*) filter (where x.dpd > " + days + ")";
    }

    /** The day's provision for the whole portfolio, as the snapshot has it. */
    BigDecimal requiredProvision() {
        return tx.fetchOne("select provision from loan_portfolio_snapshot where cooperative_id = ? and business_date = ? "
                + "and collectibility = 'ALL'", cooperativeId, date).get(0, BigDecimal.class);
    }

    /** A CASE giving the class of a days-past-due expression (thresholds are validated integers). */
    static String classOf(CollectibilityPolicy policy, String dpd) {
        StringBuilder sql = new StringBuilder("case");
        for (int i = policy.rules().size() - 1; i > 0; i--) {
            ClassRule r = policy.rules().get(i);
            sql.append(" when ").append(dpd).append(" >= ").append(r.minDaysPastDue()).append(" then '")
                    .append(r.collectibility().name()).append('\'');
        }
        return sql.append(" else '").append(Collectibility.LANCAR.name()).append("' end").toString();
    }

    /** A CASE giving the provision rate of a class expression (rates are validated decimals). */
    static String rateOf(CollectibilityPolicy policy, String collectibility) {
        StringBuilder sql = new StringBuilder("case ").append(collectibility);
        for (ClassRule r : policy.rules()) {
            sql.append(" when '").append(r.collectibility().name()).append("' then ").append(r.provisionRate().toPlainString());
        }
        return sql.append(" else 0 end").toString();
    }
}
