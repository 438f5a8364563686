package org.lumbung.testsupport;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.LocalDate;

/**
 * A big cooperative's ledger made in seconds with set-based SQL, as the owner: members with a share,
 * a mandatory and a voluntary savings sub-account each (3100/3200/2100.NNNNNN), and two-line deposits
 * (cash to one of those sub-accounts) spread over the past days. The entries go through the posting
 * trigger like any others (balances, roll-ups and movements are maintained), but skip the service, so
 * their hash chain is not a real one: for reading at scale, not for verification.
 */
public final class LargeLedger {

    private static final int CHUNK = 100_000;

    private LargeLedger() {
    }

    /** {@code members} members with three sub-accounts each. */
    public static void members(DSLContext owner, long cooperativeId, int members) {
        owner.execute("""
                insert into member (cooperative_id, member_number, full_name, gender, joined_on, status_since)
                select ?, n, 'Anggota ' || n, case when n % 2 = 0 then 'F' else 'M' end, date '2020-01-01', date '2020-01-01'
                  from generate_series(1, ?) n""", cooperativeId, members);
        owner.execute("""
                insert into ledger_account (cooperative_id, code, name_en, name_id, type, parent_id, currency, member_id,
                                            debits_must_not_exceed_credits)
                select m.cooperative_id, p.code || '.' || lpad(m.member_number::text, 6, '0'), p.name_en || ' — ' || m.full_name,
                       p.name_id || ' — ' || m.full_name, p.type, p.id, p.currency, m.id, p.debits_must_not_exceed_credits
                  from member m join ledger_account p on p.cooperative_id = m.cooperative_id
                 where m.cooperative_id = ? and p.code in ('3100', '3200', '2100')""", cooperativeId);
        owner.execute("analyze member, ledger_account");
    }

    /**
     * {@code entries} deposits of two lines, dated over the {@code days} days up to {@code today}, entry i
     * crediting the sub-account of product i mod 3 of member (i / 3) mod members + 1.
     */
    public static void deposits(DSLContext owner, long cooperativeId, int members, int entries, LocalDate today, int days) {
        for (int from = 1; from <= entries; from += CHUNK) {
            int to = Math.min(entries, from + CHUNK - 1);
            owner.execute("""
                    with head as (select last_sequence as s0 from ledger_head where cooperative_id = {0}),
                    e as (
                      insert into journal_entry (cooperative_id, sequence, idempotency_key, request_hash, booking_date,
                        value_date, description, source_type, created_by, created_at, line_count, prev_hash, hash, hash_version)
                      select {0}, head.s0 + i, 'generated-' || (head.s0 + i), repeat('0', 64), {1}::date,
                             {1}::date - ((i::bigint * 7919) % {2})::int, 'generated deposit', 'BENCH', 'generator', now(), 2,
                             repeat('0', 64), repeat('0', 64), 2
                        from head, generate_series({3}::int, {4}::int) i
                      returning id, sequence, value_date),
                    h as (update ledger_head set last_sequence = last_sequence + ({4}::int - {3}::int + 1) where cooperative_id = {0})
                    insert into journal_line (cooperative_id, entry_id, line_no, account_id, side, amount, currency, value_date)
                    select {0}, e.id, x.line_no, case when x.line_no = 1 then cash.id else a.id end,
                           case when x.line_no = 1 then 'D' else 'C' end, ((e.sequence % 997) + 1) * 1000, 'IDR', e.value_date
                      from e
                      join ledger_account a on a.cooperative_id = {0}
                       and a.code = (array['3100', '3200', '2100'])[(e.sequence % 3) + 1] || '.'
                                    || lpad((((e.sequence / 3) % {5}) + 1)::text, 6, '0')
                      join ledger_account cash on cash.cooperative_id = {0} and cash.code = '1100'
                      cross join (values (1::smallint), (2::smallint)) as x(line_no)""",
                    DSL.val(cooperativeId), DSL.val(today), DSL.val(days),
                    DSL.val(from), DSL.val(to), DSL.val(members));
        }
        owner.execute("analyze journal_entry, journal_line, ledger_account, ledger_day_total, ledger_month_total");
    }
}
