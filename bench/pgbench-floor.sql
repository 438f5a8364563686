-- The floor of the ledger benchmark: the same SQL work as one two-line posting (insert the entry,
-- insert two lines, update two balances) in plain tables, without triggers, checks or hashing.
\set member random(2, 201)
BEGIN;
INSERT INTO bench_entry (cooperative_id, sequence, idempotency_key, request_hash, booking_date, value_date,
  description, source_type, created_by, created_at, line_count, prev_hash, hash)
  VALUES (1, nextval('bench_seq'), md5(random()::text), md5(random()::text) || md5(random()::text), current_date,
  current_date, 'deposit', 'BENCH', 'bench', now(), 2, repeat('0', 64), repeat('0', 64)) RETURNING id AS entry \gset
INSERT INTO bench_line (entry_id, line_no, account_id, side, amount, currency, value_date)
  VALUES (:entry, 1, 1, 'D', 2500.00, 'IDR', current_date), (:entry, 2, :member, 'C', 2500.00, 'IDR', current_date);
UPDATE bench_balance SET debit_total = debit_total + 2500.00 WHERE account_id = 1;
UPDATE bench_balance SET credit_total = credit_total + 2500.00 WHERE account_id = :member;
END;
