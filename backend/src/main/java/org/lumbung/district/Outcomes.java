package org.lumbung.district;

import org.jooq.DSLContext;
import org.lumbung.platform.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.lumbung.db.jooq.Tables.COOPERATIVE;

/**
 * The outcomes report of one cooperative or of every cooperative the signed-in person may read (a district
 * auditor's district, all for the administrator): five grouped queries over all of them together.
 */
@Service
@PreAuthorize("@access.may('READ_OUTCOMES')")
public class Outcomes {

    public static final int MAX_PERIOD_DAYS = 3660;

    private final DSLContext dsl;

    public Outcomes(DSLContext dsl) {
        this.dsl = dsl;
    }

    public OutcomesReport ofCooperative(long cooperativeId, LocalDate from, LocalDate to) {
        return report(new Long[] {cooperativeId}, from, to);
    }

    /** Every cooperative in the session's scope (row-level security decides which). */
    public OutcomesReport ofAll(LocalDate from, LocalDate to) {
        return report(dsl.select(COOPERATIVE.ID).from(COOPERATIVE).fetchArray(COOPERATIVE.ID), from, to);
    }

    private OutcomesReport report(Long[] ids, LocalDate from, LocalDate to) {
        DomainException.require(from != null && to != null && !from.isAfter(to) && ChronoUnit.DAYS.between(from, to) < MAX_PERIOD_DAYS,
                "outcomes.period.invalid", MAX_PERIOD_DAYS);
        return new OutcomesReport(from, to, ids.length, members(ids, from, to), savings(ids, to), loans(ids, from, to),
                sums("select received_currency, sum(received_amount) from remittance where cooperative_id = any(?) "
                        + "and received_on between ? and ? group by 1", ids, from, to),
                sums("select r.received_currency, sum(a.amount) from remittance_allocation a join remittance r on r.id = a.remittance_id "
                        + "where r.cooperative_id = any(?) and r.received_on between ? and ? and a.kind in ('SAVINGS', 'LOAN_REPAYMENT') "
                        + "group by 1", ids, from, to),
                sums("select c.base_currency, sum(p.total) from shop_purchase p join cooperative c on c.id = p.cooperative_id "
                        + "where p.cooperative_id = any(?) and p.value_date between ? and ? and p.supplier_member_id is not null "
                        + "group by 1", ids, from, to));
    }

    /**
     * The members at the period's end by their status then, not today's: joined on or before it and, by the latest
     * status change effective by then, active or suspended (an applicant not yet, a member who left during the
     * period no longer; one who left after it still counts).
     */
    private List<OutcomesReport.MemberGroup> members(Long[] ids, LocalDate from, LocalDate to) {
        List<OutcomesReport.MemberGroup> groups = new ArrayList<>();
        dsl.resultQuery("""
                        select m.gender, case when t.abroad > 0 then 'ABROAD' when t.trips > 0 then 'RETURNED' else 'NEVER' end,
                               count(*), count(*) filter (where m.joined_on >= ?)
                          from member m
                          left join (select member_id, count(*) as trips,
                                            count(*) filter (where returned_on is null or returned_on > ?) as abroad
                                       from member_migration where cooperative_id = any(?) and departed_on <= ? group by member_id) t
                            on t.member_id = m.id
                          join lateral (select e.status from member_status_event e
                                         where e.member_id = m.id and e.effective_on <= ?
                                         order by e.effective_on desc, e.id desc limit 1) s on true
                         where m.cooperative_id = any(?) and m.joined_on <= ? and s.status in ('ACTIVE', 'SUSPENDED')
                         group by 1, 2 order by 1, 2""", from, to, ids, to, to, ids, to)
                .forEach(r -> groups.add(new OutcomesReport.MemberGroup(r.get(0, String.class),
                        OutcomesReport.Migration.valueOf(r.get(1, String.class)), r.get(2, Integer.class), r.get(3, Integer.class))));
        return groups;
    }

    /** Members' savings at the end of {@code to}: the lines of their savings accounts up to that day. */
    private Map<String, BigDecimal> savings(Long[] ids, LocalDate to) {
        return sums("""
                select l.currency, sum(case when l.side = 'C' then l.amount else -l.amount end)
                  from journal_line l join savings_account s on s.ledger_account_id = l.account_id
                 where l.cooperative_id = any(?) and l.value_date <= ? group by 1""", ids, to);
    }

    private List<OutcomesReport.LoanGroup> loans(Long[] ids, LocalDate from, LocalDate to) {
        List<OutcomesReport.LoanGroup> groups = new ArrayList<>();
        dsl.resultQuery("""
                        select l.purpose_category, m.gender, l.currency, count(*), sum(l.principal)
                          from loan l join member m on m.id = l.member_id
                         where l.cooperative_id = any(?) and l.disbursed_on between ? and ?
                         group by 1, 2, 3 order by 1 nulls last, 2, 3""", ids, from, to)
                .forEach(r -> groups.add(new OutcomesReport.LoanGroup(r.get(0, String.class), r.get(1, String.class),
                        r.get(2, String.class), r.get(3, Integer.class), r.get(4, BigDecimal.class))));
        return groups;
    }

    private Map<String, BigDecimal> sums(String sql, Object... bindings) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        dsl.resultQuery(sql, bindings).forEach(r -> sums.put(r.get(0, String.class), r.get(1, BigDecimal.class)));
        return sums;
    }
}
