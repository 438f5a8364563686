package org.lumbung.auditpack;

import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.district.ChainState;
import org.lumbung.district.DistrictConsole;
import org.lumbung.district.DistrictRow;
import org.lumbung.ledger.ChainVerifier;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.EntryFingerprint;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.ledger.Side;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.members.NewMember;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.testsupport.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;
import static org.lumbung.db.jooq.Tables.JOURNAL_LINE;
import static org.lumbung.db.jooq.Tables.LEDGER_ACCOUNT;
import static org.lumbung.db.jooq.Tables.LEDGER_HEAD;

/**
 * The audit pack verified by its own standalone verifier (python3 from the pack, as an auditor runs it): an untouched
 * pack passes; a changed amount, a deleted entry and a history rewritten after a checkpoint are each found, even when
 * the forger makes the manifest's digests match.
 */
class AuditPackTest extends DatabaseTest {

    private static final AtomicInteger COOPERATIVES = new AtomicInteger();

    @Autowired
    AuditPacks packs;
    @Autowired
    LedgerService ledger;
    @Autowired
    ChartOfAccounts chart;
    @Autowired
    MemberService members;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    Clock clock;
    @Autowired
    PackImports imports;
    @Autowired
    DistrictConsole console;

    @TempDir
    Path scratch;
    Cooperative coop;
    LocalDate today;
    int keys;

    @BeforeEach
    void cooperativeWithHistory() {
        coop = newCooperative("pack" + COOPERATIVES.incrementAndGet());
        today = coop.today(clock);
        Member siti = members.register(coop.id(), NewMember.basic("Siti Aminah", "F", "Ngrupit", null, today.minusDays(30)));
        String savings = chart.memberAccount(coop.id(), "2100", siti.id(), siti.memberNumber(), siti.fullName()).code();
        post(today.minusDays(20), "1100", "3100", "1000000");
        post(today.minusDays(15), "1100", savings, "250000");
        post(today.minusDays(10), "1100", savings, "3000");       // entry 3: the one the forger changes or deletes
        post(today.minusDays(5), "1100", "4100", "75000.50");
        post(today, "1100", savings, "40000");                     // after the period: not in its trial balance
    }

    @Test
    void anUntouchedPackPassesItsVerifierWithItsOwnHeadAsCheckpoint() throws Exception {
        try (AuditPackFile pack = make()) {
            assertThat(pack.head().sequence()).isEqualTo(5);
            try (ZipFile zip = new ZipFile(pack.path().toFile())) {
                assertThat(zip.stream().map(e -> e.getName()).toList()).contains("journal.csv", "chain.csv", "trial-balance.csv",
                        "journal.hledger", "accounts.csv", "chain-head.txt", "audit-pack.md", "lumbung_verify.py",
                        "manifest.json", "statements/balance-sheet-IDR.pdf", "statements/balance-sheet-IDR.xlsx",
                        "statements/income-IDR.pdf", "statements/income-IDR.xlsx");
                String tb = new String(zip.getInputStream(zip.getEntry("trial-balance.csv")).readAllBytes(), StandardCharsets.UTF_8);
                assertThat(tb).as("the member's savings roll up into 2100; the entry after the period is left out")
                        .contains("2100,").contains("253000.00").doesNotContain("293000");
            }
            PackVerifier.Run run = PackVerifier.run(scratch, pack.path(), "--checkpoint", pack.head().checkpoint());
            assertThat(run.passed()).as(run.output()).isTrue();
            assertThat(run.output()).contains("5 entries recomputed", "checkpoint PASSES", "trial balance as of " + today.minusDays(1));
        }
    }

    @Test
    void aChangedAmountIsFoundAtItsEntry() throws Exception {
        Path folder = unpacked();
        assertThat(PackVerifier.run(scratch, folder).passed()).isTrue();
        // both lines of entry 3, so that it still balances: only the fingerprint can tell
        PackVerifier.tamper(folder, "journal.csv", lines -> lines.stream()
                .map(l -> l.startsWith("3,") ? l.replace(",3000.0000,", ",30000.0000,") : l).toList());

        PackVerifier.Run run = PackVerifier.run(scratch, folder);
        assertThat(run.passed()).isFalse();
        assertThat(run.exitStatus()).isEqualTo(1);
        assertThat(run.output()).contains("the chain breaks at entry 3: entry 3 was altered").contains("RESULT: FAILED");
    }

    @Test
    void aDeletedEntryIsFound() throws Exception {
        Path folder = unpacked();
        PackVerifier.tamper(folder, "journal.csv", lines -> lines.stream().filter(l -> !l.startsWith("3,")).toList());
        PackVerifier.tamper(folder, "chain.csv", lines -> lines.stream().filter(l -> !l.startsWith("3,")).toList());

        PackVerifier.Run run = PackVerifier.run(scratch, folder);
        assertThat(run.passed()).isFalse();
        assertThat(run.output()).contains("the chain breaks at entry 3: chain.csv lists sequence 4 where 3 should follow");
    }

    @Test
    void historyRewrittenAfterACheckpointVerifiesOnItsOwnButNotThroughTheCheckpoint() throws Exception {
        PackHead written;
        try (AuditPackFile first = make()) {
            written = first.head();
        }
        post(today, "1100", "4100", "1000");
        try (AuditPackFile honest = make()) {
            PackVerifier.Run appended = PackVerifier.run(scratch, honest.path(), "--checkpoint", written.checkpoint());
            assertThat(appended.passed()).as("history only appended to: " + appended.output()).isTrue();
        }

        rewriteFromEntry(2, "Setoran Siti (rewritten)");
        assertThat(verifier.verify(coop.id()).ok()).as("the rewritten chain is consistent in itself").isTrue();

        try (AuditPackFile rewritten = make()) {
            assertThat(PackVerifier.run(scratch, rewritten.path()).passed()).as("without the checkpoint nothing shows").isTrue();
            PackVerifier.Run run = PackVerifier.run(scratch, rewritten.path(), "--checkpoint", written.checkpoint());
            assertThat(run.passed()).isFalse();
            assertThat(run.output()).contains("checkpoint DIFFERS: entry 5 now has fingerprint");
        }
        PackVerifier.Run mistyped = PackVerifier.run(scratch, unpacked(), "--checkpoint", "99:" + written.fingerprint());
        assertThat(mistyped.output()).contains("checkpoint NOT_REACHED");
    }

    @Test
    void aPeriodTurnedAroundIsRefusedInBothLanguages() {
        assertThatThrownBy(() -> packs.make(coop.id(), today, today.minusDays(1), Messages.ENGLISH))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(Messages.of((DomainException) e, Messages.INDONESIAN)).contains("periode"));
    }

    @Test
    void anImportIsVerifiedATamperedOrRewrittenPackIsRefusedAndChangesNothing() throws Exception {
        Path first = keep(make());
        Path tampered = withEntry3Changed(first, ",3000.0000,", ",30000.0000,");
        post(today, "1100", "4100", "1000");
        Path appended = keep(make());
        rewriteFromEntry(2, "Setoran Siti (rewritten)");
        Path rewritten = keep(make());
        forgetPostings();        // this installation now knows the cooperative only from its packs

        ImportedPack imported = importPack(first);
        assertThat(imported.head().sequence()).isEqualTo(5);
        assertThat(imported.lines()).isEqualTo(10);
        assertThat(imported.lastBooking()).isEqualTo(today);
        refusedImport(tampered, "audit-pack.import.altered", "Jurnal 3 dalam paket diubah");
        refusedImport(rewritten, "audit-pack.import.checkpoint", "tidak melewati jurnal 5");
        refusedImport(scratch.resolve("no-pack.zip"), "audit-pack.import.not-a-pack", "bukan paket audit");
        assertThat(imports.imports(coop.id())).extracting(ImportedPack::id).containsExactly(imported.id());

        assertThat(importPack(appended).head().sequence()).as("history only appended to").isEqualTo(6);
        assertThat(imports.latest(coop.id()).orElseThrow().head().sequence()).isEqualTo(6);
        DistrictRow row = console.rows().stream().filter(r -> r.cooperativeId() == coop.id()).findFirst().orElseThrow();
        assertThat(row.chain().state()).as("read-only in the console like the others").isEqualTo(ChainState.State.IMPORTED);
        assertThat(row.chain().head()).isEqualTo(6);
        assertThat(row.lastCheckpoint().sequence()).isEqualTo(6);
        assertThat(row.lastPosting()).isEqualTo(today);
    }

    /** A line's account written as the file's null marker is an altered entry, refused like any other change. */
    @Test
    void aLineWithoutAnAccountIsRefusedAsAnAlteredEntry() throws Exception {
        Path tampered = withEntry3Changed(keep(make()), ",1100,", ",\\N,");
        forgetPostings();

        refusedImport(tampered, "audit-pack.import.altered", "Jurnal 3 dalam paket diubah");
        assertThat(imports.imports(coop.id())).isEmpty();
    }

    private ImportedPack importPack(Path zip) throws IOException {
        try (var in = Files.newInputStream(zip)) {
            return imports.importPack(coop.id(), zip.getFileName().toString(), in);
        }
    }

    private void refusedImport(Path zip, String messageKey, String indonesian) throws IOException {
        if (!Files.exists(zip)) {
            Files.writeString(zip, "not a zip");
        }
        assertThatThrownBy(() -> importPack(zip)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(messageKey);
            assertThat(Messages.of(e, Messages.INDONESIAN)).contains(indonesian);
        });
    }

    /** The pack kept under the scratch folder (the pack's own file is deleted when it closes). */
    private Path keep(AuditPackFile pack) throws IOException {
        try (pack) {
            return Files.copy(pack.path(), Files.createTempFile(scratch, "pack-", ".zip"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The pack repacked with {@code from} replaced by {@code to} in entry 3's lines of journal.csv (and its digest). */
    private Path withEntry3Changed(Path pack, String from, String to) throws IOException {
        Path folder = Files.createTempDirectory(scratch, "tampered-");
        PackVerifier.unzip(pack, folder);
        PackVerifier.tamper(folder, "journal.csv", lines -> lines.stream()
                .map(l -> l.startsWith("3,") ? l.replace(from, to) : l).toList());
        return zip(folder);
    }

    private Path zip(Path folder) throws IOException {
        Path zip = Files.createTempFile(scratch, "repacked-", ".zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip)); var files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new java.util.zip.ZipEntry(folder.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return zip;
    }

    /** As if the office had never held the cooperative's own books: its postings gone (superuser, triggers off). */
    private void forgetPostings() {
        dsl.transaction(configuration -> {
            var tx = configuration.dsl();
            tx.execute("set local session_replication_role = replica");
            tx.deleteFrom(JOURNAL_LINE).where(JOURNAL_LINE.COOPERATIVE_ID.eq(coop.id())).execute();
            tx.deleteFrom(JOURNAL_ENTRY).where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(coop.id())).execute();
            tx.deleteFrom(LEDGER_HEAD).where(LEDGER_HEAD.COOPERATIVE_ID.eq(coop.id())).execute();
        });
    }

    private AuditPackFile make() {
        return packs.make(coop.id(), today.minusDays(60), today.minusDays(1), Messages.ENGLISH);
    }

    private Path unpacked() throws IOException {
        try (AuditPackFile pack = make()) {
            return PackVerifier.unzip(pack.path(), Files.createTempDirectory(scratch, "pack-"));
        }
    }

    private void post(LocalDate day, String debit, String credit, String amount) {
        ledger.post(new PostingRequest(coop.id(), "audit-pack-" + coop.code() + "-" + (++keys), day, "deposit " + keys, "MANUAL", null,
                List.of(PostingLine.debit(debit, new BigDecimal(amount)), PostingLine.credit(credit, new BigDecimal(amount))),
                "treasurer"));
    }

    /**
     * What someone holding the superuser password can do: change an entry and recompute every fingerprint from it
     * to the head, triggers off, so that the chain is consistent again.
     */
    private void rewriteFromEntry(long from, String description) {
        dsl.transaction(configuration -> {
            var tx = configuration.dsl();
            tx.execute("set local session_replication_role = replica");
            String prev = tx.select(JOURNAL_ENTRY.HASH).from(JOURNAL_ENTRY)
                    .where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(coop.id()).and(JOURNAL_ENTRY.SEQUENCE.eq(from - 1))).fetchOne(JOURNAL_ENTRY.HASH);
            for (Record e : tx.selectFrom(JOURNAL_ENTRY).where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(coop.id())
                    .and(JOURNAL_ENTRY.SEQUENCE.ge(from))).orderBy(JOURNAL_ENTRY.SEQUENCE).fetch()) {
                long sequence = e.get(JOURNAL_ENTRY.SEQUENCE);
                String text = sequence == from ? description : e.get(JOURNAL_ENTRY.DESCRIPTION);
                List<EntryFingerprint.Line> lines = tx.select(JOURNAL_LINE.LINE_NO, LEDGER_ACCOUNT.CODE, JOURNAL_LINE.SIDE,
                                JOURNAL_LINE.AMOUNT, JOURNAL_LINE.CURRENCY)
                        .from(JOURNAL_LINE).join(LEDGER_ACCOUNT).on(LEDGER_ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                        .where(JOURNAL_LINE.ENTRY_ID.eq(e.get(JOURNAL_ENTRY.ID))).orderBy(JOURNAL_LINE.LINE_NO)
                        .fetch(l -> new EntryFingerprint.Line(l.value1(), l.value2(), Side.ofCode(l.value3()), l.value4(), l.value5()));
                String hash = EntryFingerprint.hash(prev, new EntryFingerprint.Content(2, coop.id(), coop.code(), sequence,
                        e.get(JOURNAL_ENTRY.IDEMPOTENCY_KEY), e.get(JOURNAL_ENTRY.BOOKING_DATE), e.get(JOURNAL_ENTRY.VALUE_DATE),
                        text, e.get(JOURNAL_ENTRY.SOURCE_TYPE), e.get(JOURNAL_ENTRY.SOURCE_REF), null, null,
                        e.get(JOURNAL_ENTRY.REVERSAL_REASON), e.get(JOURNAL_ENTRY.CREATED_BY),
                        e.get(JOURNAL_ENTRY.CREATED_AT).toInstant(), lines));
                tx.update(JOURNAL_ENTRY).set(JOURNAL_ENTRY.DESCRIPTION, text).set(JOURNAL_ENTRY.PREV_HASH, prev)
                        .set(JOURNAL_ENTRY.HASH, hash).where(JOURNAL_ENTRY.ID.eq(e.get(JOURNAL_ENTRY.ID))).execute();
                prev = hash;
            }
            tx.update(LEDGER_HEAD).set(LEDGER_HEAD.LAST_HASH, prev).where(LEDGER_HEAD.COOPERATIVE_ID.eq(coop.id())).execute();
        });
    }
}
