#!/usr/bin/env python3
"""Standalone verifier of a Lumbung audit pack (Python 3.8+, standard library only).

Usage:
    python3 lumbung_verify.py PACK.zip [--checkpoint SEQUENCE:FINGERPRINT]
    python3 lumbung_verify.py UNPACKED-FOLDER [--checkpoint SEQUENCE:FINGERPRINT]
    python3 lumbung_verify.py                 (the folder this script was unpacked into)

From the pack alone, it
  1. checks every file against the SHA-256 digests listed in manifest.json;
  2. recomputes the fingerprint of every journal entry from journal.csv (the canonical encoding of SPEC.md)
     and checks it against chain.csv: sequences 1, 2, 3 ... without a gap, each entry linked to the one
     before it, its lines balanced per currency, and the last one equal to the chain's head;
  3. recomputes the trial balance from journal.csv and accounts.csv and compares it with trial-balance.csv;
  4. with --checkpoint, checks that a (sequence, fingerprint) written down on an earlier visit lies on the
     chain: entries 1..sequence are exactly what they were then.
It prints what it checked and exits 0 when everything holds, 1 when anything does not, 2 on a usage error.
Memory stays bounded by the chart of accounts: the journal is read as a stream.
"""

import argparse
import csv
import hashlib
import io
import json
import os
import sys
import zipfile
from decimal import Decimal, InvalidOperation, getcontext

FORMAT = "lumbung-audit-pack-1"
GENESIS = "0" * 64
MAX_PROBLEMS_SHOWN = 20
JOURNAL_COLUMNS = ["sequence", "hash_version", "key", "booking_date", "value_date", "description", "source_type",
                   "source_ref", "reverses_sequence", "reverses_entry_id", "reason", "created_by", "created_at",
                   "line_no", "account", "side", "amount", "currency"]
CHAIN_COLUMNS = ["sequence", "hash_version", "prev_hash", "fingerprint", "line_count"]
getcontext().prec = 60  # sums of numeric(24, 4) amounts stay exact


class Pack:
    """The pack's files, from a ZIP or a folder."""

    def __init__(self, path):
        self.zip = zipfile.ZipFile(path) if os.path.isfile(path) else None
        self.folder = None if self.zip else path

    def names(self):
        if self.zip:
            return [n for n in self.zip.namelist() if not n.endswith("/")]
        found = []
        for root, _, files in os.walk(self.folder):
            for f in files:
                found.append(os.path.relpath(os.path.join(root, f), self.folder).replace(os.sep, "/"))
        return found

    def open_binary(self, name):
        return self.zip.open(name) if self.zip else open(os.path.join(self.folder, name), "rb")

    def open_text(self, name):
        return io.TextIOWrapper(self.open_binary(name), encoding="utf-8", newline="")

    def rows(self, name, columns):
        """The CSV's rows as dictionaries, refusing a header other than the specification's."""
        with self.open_text(name) as f:
            reader = csv.reader(f)
            header = next(reader, None)
            if header != columns:
                raise PackError("%s: the columns are %s, the specification says %s" % (name, header, columns))
            for row in reader:
                if len(row) != len(columns):
                    raise PackError("%s line %d: %d cells, expected %d" % (name, reader.line_num, len(row), len(columns)))
                yield dict(zip(columns, row))


class PackError(Exception):
    """The pack is not what the specification describes: it cannot be verified at all."""


class Report:
    """What was checked and what failed."""

    def __init__(self):
        self.failures = []

    def ok(self, text):
        print("OK      " + text)

    def fail(self, text):
        self.failures.append(text)
        if len(self.failures) <= MAX_PROBLEMS_SHOWN:
            print("FAILED  " + text)


def sha256_of(pack, name):
    digest = hashlib.sha256()
    with pack.open_binary(name) as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def check_digests(pack, manifest, report):
    listed = manifest.get("files", {})
    present = set(pack.names()) - {"manifest.json"}
    bad = 0
    for name in sorted(listed):
        if name not in present:
            report.fail("file %s is listed in manifest.json but missing from the pack" % name)
            bad += 1
        elif sha256_of(pack, name) != listed[name]:
            report.fail("file %s does not have the SHA-256 that manifest.json lists" % name)
            bad += 1
    for name in sorted(present - set(listed)):
        report.fail("file %s is in the pack but not listed in manifest.json" % name)
        bad += 1
    if bad == 0:
        report.ok("%d files match the SHA-256 digests of manifest.json" % len(listed))


# --- the canonical encoding (SPEC.md, "Canonical encoding") ---------------------------------------------------

def v2_amount(amount):
    """Exactly four fraction digits; an amount with more is hashed as it is (only a tampered row has them)."""
    stripped = Decimal(amount).normalize()
    if stripped.as_tuple().exponent < -4:
        return format(stripped, "f")
    return format(Decimal(amount).quantize(Decimal("0.0001")), "f")


def v1_amount(amount, minor_units):
    """The currency's minor units; an amount with more decimals than its currency has is hashed as it is."""
    value = Decimal(amount)
    stripped = value.normalize()
    if -stripped.as_tuple().exponent <= minor_units:
        return format(value.quantize(Decimal(1).scaleb(-minor_units)), "f")
    return format(stripped, "f")


def v1_instant(created_at):
    """Java's Instant.toString() of a time given with six fraction digits: 0, 3 or 6 of them."""
    seconds, fraction = created_at[:-1].split(".")
    if fraction == "000000":
        return seconds + "Z"
    if fraction.endswith("000"):
        return seconds + "." + fraction[:3] + "Z"
    return created_at


def canonical(entry, lines, cooperative_code, cooperative_id, minor_units):
    """The text hashed after the previous fingerprint and a line break. Text cells are already escaped."""
    v2 = entry["hash_version"] == "2"
    fields = [
        ("cooperative", cooperative_code if v2 else str(cooperative_id)),
        ("sequence", entry["sequence"]),
        ("key", entry["key"]),
        ("booking_date", entry["booking_date"]),
        ("value_date", entry["value_date"]),
        ("description", entry["description"]),
        ("source_type", entry["source_type"]),
        ("source_ref", entry["source_ref"]),
        ("reverses", entry["reverses_sequence"] if v2 else entry["reverses_entry_id"]),
        ("reason", entry["reason"]),
        ("created_by", entry["created_by"]),
        ("created_at", entry["created_at"] if v2 else v1_instant(entry["created_at"])),
    ]
    text = ["lumbung-entry-v%s\n" % entry["hash_version"]]
    text.extend("%s=%s\n" % field for field in fields)
    for line in lines:
        amount = v2_amount(line["amount"]) if v2 else v1_amount(line["amount"], minor_units[line["currency"]])
        text.append("line=%s|%s|%s|%s|%s\n" % (line["line_no"], line["account"], line["side"], amount, line["currency"]))
    return "".join(text)


def fingerprint(prev_hash, canonical_text):
    return hashlib.sha256((prev_hash + "\n" + canonical_text).encode("utf-8")).hexdigest()


# --- the chain ---------------------------------------------------------------------------------------------------

def journal_entries(pack):
    """The journal's entries one at a time, each with its lines, in the order of the file."""
    entry, lines = None, []
    for row in pack.rows("journal.csv", JOURNAL_COLUMNS):
        if entry is not None and row["sequence"] != entry["sequence"]:
            yield entry, lines
            entry, lines = None, []
        if entry is None:
            entry = row
        lines.append(row)
    if entry is not None:
        yield entry, lines


class Chain:
    """The walk over chain.csv and journal.csv in lock-step; stops at the first entry that breaks the chain."""

    def __init__(self, manifest, minor_units):
        self.code = manifest["cooperative"]["code"]
        self.cooperative_id = manifest["cooperative"].get("id")
        self.minor_units = minor_units
        self.prev_hash = GENESIS
        self.version = 1
        self.checked = 0
        self.fingerprints = {}
        self.broken_at = None
        self.problem = None

    def walk(self, pack, checkpoint_sequence):
        entries = journal_entries(pack)
        for link in pack.rows("chain.csv", CHAIN_COLUMNS):
            expected = self.checked + 1
            entry, lines = next(entries, (None, None))
            self.problem = self.problem_of(expected, link, entry, lines)
            if self.problem:
                self.broken_at = expected
                return
            self.prev_hash = link["fingerprint"]
            self.version = int(link["hash_version"])
            self.checked = expected
            if checkpoint_sequence == expected:
                self.fingerprints[expected] = self.prev_hash
        leftover = next(entries, (None, None))[0]
        if leftover is not None:
            self.broken_at = self.checked + 1
            self.problem = "journal.csv has entry %s, which chain.csv does not list" % leftover["sequence"]

    def problem_of(self, expected, link, entry, lines):
        if link["sequence"] != str(expected):
            return "chain.csv lists sequence %s where %d should follow (an entry is missing)" % (link["sequence"], expected)
        if entry is None or entry["sequence"] != str(expected):
            found = "nothing" if entry is None else "entry " + entry["sequence"]
            return "journal.csv has %s where entry %d should follow (an entry is missing)" % (found, expected)
        if link["prev_hash"] != self.prev_hash:
            return "entry %d does not link to the fingerprint of the entry before it" % expected
        if link["hash_version"] not in ("1", "2") or int(link["hash_version"]) < self.version:
            return "entry %d has encoding version %s" % (expected, link["hash_version"])
        if any(l["hash_version"] != link["hash_version"] for l in lines):
            return "entry %d: journal.csv and chain.csv disagree on the encoding version" % expected
        if link["line_count"] != str(len(lines)):
            return "entry %d has %d lines in journal.csv, chain.csv says %s" % (expected, len(lines), link["line_count"])
        if [l["line_no"] for l in lines] != [str(n) for n in range(1, len(lines) + 1)]:
            return "entry %d: its lines are not numbered 1, 2, 3 ..." % expected
        unbalanced = unbalanced_currency(lines)
        if unbalanced:
            return "entry %d does not balance in %s" % (expected, unbalanced)
        recomputed = fingerprint(self.prev_hash, canonical(entry, lines, self.code, self.cooperative_id, self.minor_units))
        if recomputed != link["fingerprint"]:
            return "entry %d was altered: its content hashes to %s, the chain says %s" % (
                expected, recomputed, link["fingerprint"])
        return None


def unbalanced_currency(lines):
    sums = {}
    for line in lines:
        amount = Decimal(line["amount"])
        if line["side"] not in ("D", "C") or amount <= 0:
            return line["currency"]
        sums[line["currency"]] = sums.get(line["currency"], Decimal(0)) + (amount if line["side"] == "D" else -amount)
    return next((currency for currency, total in sorted(sums.items()) if total != 0), None)


def check_chain(pack, manifest, minor_units, checkpoint, report):
    chain = Chain(manifest, minor_units)
    chain.walk(pack, checkpoint[0] if checkpoint else None)
    head = manifest["head"]
    if chain.problem:
        report.fail("the chain breaks at entry %d: %s" % (chain.broken_at, chain.problem))
    else:
        report.ok("%d entries recomputed: every fingerprint matches and every entry balances" % chain.checked)
        if chain.checked == int(head["sequence"]) and chain.prev_hash == head["fingerprint"]:
            report.ok("the chain's head is entry %d with fingerprint %s" % (chain.checked, chain.prev_hash))
        else:
            report.fail("the chain ends at entry %d with fingerprint %s, but the pack's head says entry %s with %s" % (
                chain.checked, chain.prev_hash, head["sequence"], head["fingerprint"]))
    if checkpoint:
        check_checkpoint(chain, checkpoint, report)


def check_checkpoint(chain, checkpoint, report):
    sequence, expected = checkpoint
    if sequence == 0 and expected == GENESIS:
        report.ok("checkpoint 0 is the empty chain's start")
    elif sequence in chain.fingerprints:
        if chain.fingerprints[sequence] == expected:
            report.ok("checkpoint PASSES: entries 1..%d are exactly what they were when it was written down" % sequence)
        else:
            report.fail("checkpoint DIFFERS: entry %d now has fingerprint %s, not %s: history up to it was rewritten" % (
                sequence, chain.fingerprints[sequence], expected))
    elif chain.broken_at is not None and chain.broken_at <= sequence:
        report.fail("checkpoint BROKEN_BEFORE: the chain breaks at entry %d, before entry %d" % (chain.broken_at, sequence))
    else:
        report.fail("checkpoint NOT_REACHED: the chain has %d entries, the checkpoint is at entry %d "
                    "(entries were removed, or it is mistyped)" % (chain.checked, sequence))


# --- the trial balance --------------------------------------------------------------------------------------------

def general_ledger_codes(pack):
    """Each account's line in the rolled-up trial balance: a member's sub-account counts under its control account."""
    ledger = {}
    with pack.open_text("accounts.csv") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header is None or header[:4] != ["code", "type", "currency", "control_account"]:
            raise PackError("accounts.csv: unexpected columns %s" % header)
        for row in reader:
            ledger[row[0]] = row[3] or row[0]
    return ledger


def recomputed_turnovers(pack, as_of):
    ledger = general_ledger_codes(pack)
    turnovers = {}
    for line in pack.rows("journal.csv", JOURNAL_COLUMNS):
        if line["value_date"] > as_of:
            continue
        key = (ledger.get(line["account"], line["account"]), line["currency"])
        debit, credit = turnovers.get(key, (Decimal(0), Decimal(0)))
        amount = Decimal(line["amount"])
        turnovers[key] = (debit + amount, credit) if line["side"] == "D" else (debit, credit + amount)
    return turnovers


def check_trial_balance(pack, manifest, report):
    as_of = manifest["period"]["to"]
    recomputed = recomputed_turnovers(pack, as_of)
    stated = {}
    columns = ["code", "name", "type", "currency", "debit_turnover", "credit_turnover", "debit", "credit"]
    for row in pack.rows("trial-balance.csv", columns):
        debit_turnover, credit_turnover = Decimal(row["debit_turnover"]), Decimal(row["credit_turnover"])
        net = debit_turnover - credit_turnover
        if Decimal(row["debit"]) != max(net, Decimal(0)) or Decimal(row["credit"]) != max(-net, Decimal(0)):
            report.fail("trial balance: account %s %s has a balance that is not its turnovers' difference"
                        % (row["code"], row["currency"]))
        stated[(row["code"], row["currency"])] = (debit_turnover, credit_turnover)
    zero = (Decimal(0), Decimal(0))
    differing = [key for key in sorted(set(recomputed) | set(stated)) if recomputed.get(key, zero) != stated.get(key, zero)]
    for code, currency in differing:
        d, c = recomputed.get((code, currency), zero)
        sd, sc = stated.get((code, currency), zero)
        report.fail("trial balance: account %s %s has turnovers %s / %s in the journal, the pack's trial balance says %s / %s"
                    % (code, currency, d, c, sd, sc))
    if not differing:
        report.ok("the trial balance as of %s recomputed from the journal equals trial-balance.csv (%d lines)"
                  % (as_of, len(stated)))


# --- the whole check ----------------------------------------------------------------------------------------------

def parse_checkpoint(text):
    try:
        sequence, fingerprint_text = text.split(":", 1)
        fingerprint_text = "".join(fingerprint_text.split()).lower()
        if int(sequence) < 0 or len(fingerprint_text) != 64 or any(ch not in "0123456789abcdef" for ch in fingerprint_text):
            raise ValueError
        return int(sequence), fingerprint_text
    except ValueError:
        raise argparse.ArgumentTypeError("a checkpoint is SEQUENCE:FINGERPRINT, e.g. 1234:9f86d0...(64 hex digits)")


def minor_units_of(pack):
    with pack.open_text("currencies.csv") as f:
        reader = csv.reader(f)
        next(reader, None)
        return {row[0]: int(row[1]) for row in reader}


def verify(path, checkpoint):
    pack = Pack(path)
    report = Report()
    with pack.open_text("manifest.json") as f:
        manifest = json.load(f)
    if manifest.get("format") != FORMAT:
        raise PackError("manifest.json: format %r, this verifier reads %s" % (manifest.get("format"), FORMAT))
    cooperative = manifest["cooperative"]
    print("Lumbung audit pack of %s (%s), %s to %s" % (cooperative["name"], cooperative["code"],
                                                      manifest["period"]["from"], manifest["period"]["to"]))
    check_digests(pack, manifest, report)
    check_chain(pack, manifest, minor_units_of(pack), checkpoint, report)
    check_trial_balance(pack, manifest, report)
    if report.failures:
        print("RESULT: FAILED (%d problems)" % len(report.failures))
        return 1
    print("RESULT: PASSED. Write down the head for your next visit: %s:%s"
          % (manifest["head"]["sequence"], manifest["head"]["fingerprint"]))
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description="Verify a Lumbung audit pack from the pack alone.")
    parser.add_argument("pack", nargs="?", default=os.path.dirname(os.path.abspath(__file__)),
                        help="the pack's ZIP file or the folder it was unpacked into (default: this script's folder)")
    parser.add_argument("--checkpoint", type=parse_checkpoint,
                        help="SEQUENCE:FINGERPRINT written down earlier (a previous pack's head or a closing report)")
    arguments = parser.parse_args(argv)
    try:
        return verify(arguments.pack, arguments.checkpoint)
    except (PackError, KeyError, ValueError, InvalidOperation, OSError, zipfile.BadZipFile, json.JSONDecodeError) as e:
        print("FAILED  the pack cannot be read as the specification describes: %s" % e)
        print("RESULT: FAILED")
        return 1


if __name__ == "__main__":
    sys.exit(main())
