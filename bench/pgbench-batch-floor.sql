-- The floor of batched posting: the same inserts as one postBatch of 1,000 two-line entries (1,000 entries,
-- 2,000 lines, the maintained balances of the accounts touched) in one statement and one transaction, in
-- plain tables without row-level security, triggers, checks or hashing. Tables: BulkPostingBenchmark.
-- Each pgbench client is a cooperative of its own with its own 1,001 accounts (client_id 0 or 1), as each
-- importer of the benchmark posts for its own cooperative.
BEGIN;
WITH e AS (
  INSERT INTO bulk_floor_entry (cooperative_id, sequence, idempotency_key, request_hash, booking_date, value_date,
    description, source_type, created_by, created_at, line_count, prev_hash, hash)
  SELECT 1 + :client_id, nextval('bulk_floor_seq'), md5(random()::text), md5(random()::text) || md5(random()::text), current_date,
    current_date, 'deposit', 'BENCH', 'bench', now(), 2, repeat('0', 64), repeat('0', 64)
  FROM generate_series(1, 1000)
  RETURNING id),
l AS (
  INSERT INTO bulk_floor_line (entry_id, line_no, account_id, side, amount, currency, value_date)
  SELECT e.id, n, :client_id * 1001 + CASE WHEN n = 1 THEN 1 ELSE 2 + e.id % 1000 END, CASE WHEN n = 1 THEN 'D' ELSE 'C' END,
    2500.00, 'IDR', current_date
  FROM e CROSS JOIN generate_series(1, 2) AS n
  RETURNING account_id, side, amount)
UPDATE bulk_floor_balance b SET debit_total = b.debit_total + t.d, credit_total = b.credit_total + t.c
FROM (SELECT account_id, sum(CASE WHEN side = 'D' THEN amount ELSE 0 END) AS d,
             sum(CASE WHEN side = 'C' THEN amount ELSE 0 END) AS c
      FROM l GROUP BY account_id) t
WHERE b.account_id = t.account_id;
END;
