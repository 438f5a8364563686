#!/usr/bin/env python3
"""Times POST /journal-entries/batches against a running Lumbung (the README's first command, sample data).

Writes BATCHES batches of ENTRIES two-line deposits (cash 1100 to one of the sample members' voluntary savings
2100.00001-2100.00150) as NDJSON, posts them once (new entries) and once more (every entry replayed), and
prints lines per second of each. No goal: the batched-posting goal is judged by the bulk benchmark
(./mvnw -Pbench-bulk); this one shows what an importer gets over HTTP, JSON reading included.

usage: bench/api-stream.py [base-url] [batches] [entries-per-batch]
"""
import base64, json, random, sys, time, urllib.request, uuid
from datetime import datetime, timedelta, timezone

base = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080"
batches = int(sys.argv[2]) if len(sys.argv) > 2 else 40
per_batch = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
today = (datetime.now(timezone.utc) + timedelta(hours=7)).date().isoformat()  # the sample cooperative's day (Asia/Jakarta)
run = uuid.uuid4().hex[:8]
lines = []
for b in range(batches):
    entries = []
    for i in range(per_batch):
        amount = f"{random.randint(1, 1_000_000) / 100:.2f}"
        entries.append({"idempotencyKey": f"api-stream-{run}-{b:04d}-{i:04d}", "valueDate": today,
                        "description": "Setoran sukarela",
                        "lines": [{"account": "1100", "side": "DEBIT", "amount": amount},
                                  {"account": f"2100.{random.randint(1, 150):05d}", "side": "CREDIT", "amount": amount}]})
    lines.append(json.dumps({"entries": entries}, separators=(",", ":")))
body = ("\n".join(lines) + "\n").encode()
auth = base64.b64encode(b"treasurer:demo").decode()


def post(what):
    request = urllib.request.Request(f"{base}/api/v1/cooperatives/ngrupit/journal-entries/batches", data=body,
                                     method="POST", headers={"Authorization": "Basic " + auth,
                                                             "Content-Type": "application/x-ndjson"})
    start = time.monotonic()
    with urllib.request.urlopen(request) as answer:
        outcomes = [json.loads(line) for line in answer.read().decode().splitlines() if line]
    seconds = time.monotonic() - start
    statuses = sorted({o["status"] for o in outcomes})
    print(f"{what}: {batches} batches, {2 * batches * per_batch:,} lines, {len(body) / 1e6:.1f} MB in {seconds:.2f} s "
          f"= {2 * batches * per_batch / seconds:,.0f} lines/s; batch statuses {statuses}")


post("new entries")
post("the same body again (replayed)")
