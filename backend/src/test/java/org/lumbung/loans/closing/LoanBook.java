package org.lumbung.loans.closing;

import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Active loans written straight into changeset 030's tables, set-based (a member, a portfolio sub-account
 * and a loan per borrower, equal monthly instalments): the close of business's own fixture, independent of
 * the loan services, and fast enough for 100,000 loans. The principal is not disbursed through the ledger:
 * the close reads schedules, not the portfolio account's balance.
 */
public final class LoanBook {

    private LoanBook() {
    }

    /** A product with the given penalty rule; 'NONE' needs value 0. */
    public static long product(DSLContext dsl, long cooperativeId, String code, String penaltyKind, String penaltyValue,
                               int graceDays, String cap, boolean accrues) {
        return dsl.fetchOne("insert into loan_product (cooperative_id, code, name_en, name_id, currency, interest_method, interest_rate,"
                        + " rate_period, frequency, min_instalments, max_instalments, min_amount, max_amount, instalment_rounding,"
                        + " penalty_kind, penalty_value, penalty_grace_days, penalty_cap, accrues_interest)"
                        + " values (?, ?, 'Test loan', 'Pinjaman uji', 'IDR', 'FLAT', 1.5, 'MONTH', 'MONTHLY', 1, 60, 1, 1e12, 1,"
                        + " ?, ?, ?, ?, ?) returning id", cooperativeId, code, penaltyKind, new BigDecimal(penaltyValue), graceDays,
                cap == null ? null : new BigDecimal(cap), accrues)
                .get(0, Long.class);
    }

    /**
     * {@code count} borrowers, each with one active loan of {@code instalments} monthly instalments of
     * {@code principalEach} principal and {@code interestEach} interest, the first due on {@code firstDue},
     * disbursed a month before. Loan numbers are {@code prefix}-1 … {@code prefix}-count.
     */
    public static void loans(DSLContext dsl, long cooperativeId, long productId, String prefix, int count, int instalments,
                             String principalEach, String interestEach, LocalDate firstDue) {
        dsl.execute("""
                with p as (select * from loan_product where id = {1}),
                parent as (select id from ledger_account where cooperative_id = {0} and code = '1300'),
                base as (select coalesce(max(member_number), 0) as n from member where cooperative_id = {0}),
                m as (insert into member (cooperative_id, member_number, full_name, gender, village, phone, joined_on, status_since, locale)
                      select {0}, base.n + g, 'Peminjam ' || {2} || ' ' || g, 'F', 'Ngrupit', '+62 812 ' || lpad(g::text, 7, '0'),
                             {7} - 400, {7} - 400, case when g % 5 = 0 then 'en' else 'id' end
                      from base, generate_series(1, {3}) g returning id, member_number),
                a as (insert into ledger_account (cooperative_id, code, name_en, name_id, type, parent_id, currency, member_id,
                                                  credits_must_not_exceed_debits)
                      select {0}, '1300.' || {2} || '-' || m.member_number, 'Loan ' || m.member_number, 'Pinjaman ' || m.member_number,
                             'ASSET', parent.id, 'IDR', m.id, true from m, parent returning id, member_id)
                insert into loan (cooperative_id, number, member_id, product_id, status, purpose, principal, currency, interest_method,
                                  interest_rate, rate_period, frequency, instalments, day_count, instalment_rounding, fee_kind, fee_value,
                                  fee_timing, penalty_kind, penalty_value, penalty_grace_days, penalty_cap, allocation_order,
                                  prepayment_rule, accrues_interest, first_due_date, loan_officer, application_key, applied_by,
                                  decided_by, decided_at, disbursed_by, disbursed_at, disbursed_on, schedule_start, ledger_account_id)
                select {0}, {2} || '-' || row_number() over (order by a.id), a.member_id, p.id, 'ACTIVE', 'Modal warung',
                       {5} * {4}, 'IDR', p.interest_method, p.interest_rate, p.rate_period, p.frequency, {4}, p.day_count,
                       p.instalment_rounding, p.fee_kind, p.fee_value, p.fee_timing, p.penalty_kind, p.penalty_value,
                       p.penalty_grace_days, p.penalty_cap, p.allocation_order, p.prepayment_rule, p.accrues_interest, {7},
                       'officer', 'apply-' || {2} || '-' || a.id, 'maker', 'checker', now(), 'maker', now(),
                       ({7} - interval '1 month')::date, ({7} - interval '1 month')::date, a.id
                from a, p
                """, cooperativeId, productId, prefix, count, instalments, new BigDecimal(principalEach), new BigDecimal(interestEach),
                firstDue);
        dsl.execute("""
                insert into loan_instalment (cooperative_id, loan_id, schedule_version, number, due_date, principal_due, interest_due)
                select {0}, l.id, 1, n, (l.first_due_date + (n - 1) * interval '1 month')::date, {2}, {3}
                from loan l, generate_series(1, l.instalments) n
                where l.cooperative_id = {0} and l.number like {1} || '-%'
                """, cooperativeId, prefix, new BigDecimal(principalEach), new BigDecimal(interestEach));
    }

    /**
     * {@code count} active members written set-based (the borrowers of the benchmark, whose loans then go
     * through the loan services), numbered after the cooperative's last; answers their ids in number order.
     */
    public static java.util.List<Long> members(DSLContext dsl, long cooperativeId, int count, LocalDate joinedOn) {
        return dsl.fetch("""
                with base as (select coalesce(max(member_number), 0) as n from member where cooperative_id = {0})
                insert into member (cooperative_id, member_number, full_name, gender, village, phone, joined_on, status_since, locale)
                select {0}, base.n + g, 'Peminjam ' || g, 'F', 'Ngrupit', '+62 812 ' || lpad(g::text, 7, '0'), {2}, {2},
                       case when g % 5 = 0 then 'en' else 'id' end
                from base, generate_series(1, {1}) g returning id
                """, cooperativeId, count, joinedOn).getValues(0, Long.class).stream().sorted().toList();
    }

    /** Pays the loan's first {@code instalments} instalments in full on {@code on}, as a repayment would. */
    public static void pay(DSLContext dsl, long cooperativeId, String loanNumber, int instalments, LocalDate on) {
        dsl.execute("""
                update loan_instalment i set principal_paid = principal_due, interest_paid = interest_due, fee_paid = fee_due,
                       penalty_paid = penalty_due, state = 'PAID', paid_on = {3}
                from loan l where l.id = i.loan_id and l.cooperative_id = {0} and l.number = {1} and i.number <= {2}
                """, cooperativeId, loanNumber, instalments, on);
    }

    /** Pays the first {@code instalments} instalments of every loan whose number starts with the prefix. */
    public static void payAll(DSLContext dsl, long cooperativeId, String prefix, int instalments, LocalDate on) {
        dsl.execute("""
                update loan_instalment i set principal_paid = principal_due, interest_paid = interest_due, fee_paid = fee_due,
                       penalty_paid = penalty_due, state = 'PAID', paid_on = {3}
                from loan l where l.id = i.loan_id and l.cooperative_id = {0} and l.number like {1} || '-%' and i.number <= {2}
                """, cooperativeId, prefix, instalments, on);
    }
}
