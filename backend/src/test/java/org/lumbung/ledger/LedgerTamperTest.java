package org.lumbung.ledger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jooq.DSLContext;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.ChainVerification.Checkpoint;
import org.lumbung.ledger.ChainVerification.CheckpointResult;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.testsupport.LedgerFixture;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;
import static org.lumbung.db.jooq.Tables.LEDGER_HEAD;

/**
 * Someone with superuser rights disables the triggers and changes a posted amount directly in SQL:
 * verification names exactly that entry, and the balance check names the account.
 */
class LedgerTamperTest {

    static LedgerFixture fx;

    @BeforeAll
    static void database() {
        fx = LedgerFixture.fresh(2);
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    private List<JournalEntry> postFive(Cooperative coop) {
        return post(coop, 1, 5);
    }

    private List<JournalEntry> post(Cooperative coop, int from, int to) {
        LocalDate today = LocalDate.now(coop.zone());
        List<JournalEntry> entries = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            entries.add(fx.ledger.post(new PostingRequest(coop.id(), "tamper-" + i, today, "deposit " + i, "MANUAL", null,
                    List.of(PostingLine.debit("1100", BigDecimal.valueOf(1000L * i)),
                            PostingLine.credit("2100", BigDecimal.valueOf(1000L * i))), "treasurer")).entry());
        }
        return entries;
    }

    @Test
    void anAlteredLineAmountIsFoundAtItsEntry() {
        Cooperative coop = fx.newCooperative();
        List<JournalEntry> entries = postFive(coop);
        ChainVerification before = fx.verifier.verify(coop.id());
        assertThat(before.ok()).isTrue();
        assertThat(before.entriesChecked()).isEqualTo(5);
        assertThat(before.headFingerprint()).isEqualTo(entries.get(4).hash());

        long target = entries.get(2).id();
        fx.dsl.transaction(cfg -> {
            cfg.dsl().execute("set local session_replication_role = replica"); // superuser: triggers off
            cfg.dsl().execute("update journal_line set amount = amount + 1 where entry_id = " + target + " and side = 'C'");
            cfg.dsl().execute("update journal_line set amount = amount + 1 where entry_id = " + target + " and side = 'D'");
        });

        ChainVerification after = fx.verifier.verify(coop.id());
        assertThat(after.ok()).isFalse();
        assertThat(after.firstBrokenSequence()).isEqualTo(3L);
        assertThat(after.entriesChecked()).isEqualTo(2);
        assertThat(after.problemKey()).isEqualTo("chain.problem.altered");
        assertThat(after.problem(Messages.ENGLISH)).contains("altered");
        assertThat(after.problem(Messages.INDONESIAN)).contains("diubah setelah dibukukan");
        assertThat(after.balancesOk()).isFalse();
        assertThat(after.mismatchedAccount()).isEqualTo("1100");
    }

    @Test
    void aDeletedEntryBreaksTheChainRightAfterIt() {
        Cooperative coop = fx.newCooperative();
        List<JournalEntry> entries = postFive(coop);
        long target = entries.get(3).id();
        fx.dsl.transaction(cfg -> {
            cfg.dsl().execute("set local session_replication_role = replica");
            cfg.dsl().execute("delete from journal_line where entry_id = " + target);
            cfg.dsl().execute("delete from journal_entry where id = " + target);
        });

        ChainVerification after = fx.verifier.verify(coop.id());
        assertThat(after.ok()).isFalse();
        assertThat(after.firstBrokenSequence()).isEqualTo(5L);
        assertThat(after.problemKey()).isEqualTo("chain.problem.sequence-gap");
        assertThat(after.problem(Messages.INDONESIAN)).isEqualTo("nomor urut terputus: seharusnya jurnal #4, ditemukan #5");
    }

    /** As a superuser with the triggers off, runs one statement. */
    private static void asSuperuser(String sql) {
        fx.dsl.transaction(cfg -> {
            cfg.dsl().execute("set local session_replication_role = replica");
            cfg.dsl().execute(sql);
        });
    }

    /**
     * As a superuser with the triggers off: reseals the whole chain from the stored rows, the first
     * {@code version1Entries} under version 1 (as entries posted before version 2 were sealed), the rest
     * under version 2 — what someone with the superuser password does to hide a rewrite.
     */
    private static void reseal(Cooperative coop, int version1Entries) {
        fx.dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.execute("set local session_replication_role = replica");
            String prev = EntryFingerprint.GENESIS;
            for (long id : tx.select(JOURNAL_ENTRY.ID).from(JOURNAL_ENTRY).where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(coop.id()))
                    .orderBy(JOURNAL_ENTRY.SEQUENCE).fetch(JOURNAL_ENTRY.ID)) {
                JournalEntry e = EntryReader.load(tx, coop.id(), id);
                int version = e.sequence() <= version1Entries ? 1 : 2;
                Long reversed = e.reversesEntryId() == null ? null : EntryReader.load(tx, coop.id(), e.reversesEntryId()).sequence();
                String hash = EntryFingerprint.hash(prev, new EntryFingerprint.Content(version, coop.id(), coop.code(),
                        e.sequence(), e.idempotencyKey(), e.bookingDate(), e.valueDate(), e.description(), e.sourceType(),
                        e.sourceRef(), e.reversesEntryId(), reversed, e.reversalReason(), e.createdBy(), e.createdAt(),
                        PostingPipeline.fingerprintLines(e.lines())));
                tx.update(JOURNAL_ENTRY).set(JOURNAL_ENTRY.HASH_VERSION, (short) version).set(JOURNAL_ENTRY.PREV_HASH, prev)
                        .set(JOURNAL_ENTRY.HASH, hash).where(JOURNAL_ENTRY.ID.eq(id)).execute();
                prev = hash;
            }
            tx.update(LEDGER_HEAD).set(LEDGER_HEAD.LAST_HASH, prev).where(LEDGER_HEAD.COOPERATIVE_ID.eq(coop.id())).execute();
        });
    }

    /** Three entries sealed under version 1 (posted before version 2), then two posted today under version 2. */
    private List<JournalEntry> mixedChain(Cooperative coop) {
        List<JournalEntry> entries = new ArrayList<>(post(coop, 1, 3));
        reseal(coop, 3);
        assertThat(fx.verifier.verify(coop.id()).ok()).isTrue();
        entries.addAll(post(coop, 4, 5));
        assertThat(fx.dsl.select(JOURNAL_ENTRY.HASH_VERSION).from(JOURNAL_ENTRY).where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(coop.id()))
                .orderBy(JOURNAL_ENTRY.SEQUENCE).fetch(JOURNAL_ENTRY.HASH_VERSION)).containsExactly((short) 1, (short) 1, (short) 1, (short) 2, (short) 2);
        return entries;
    }

    @Test
    void aChainOfVersion1EntriesFollowedByVersion2EntriesVerifies() {
        Cooperative coop = fx.newCooperative();
        List<JournalEntry> entries = mixedChain(coop);
        ChainVerification v = fx.verifier.verify(coop.id());
        assertThat(v.ok()).isTrue();
        assertThat(v.entriesChecked()).isEqualTo(5);
        assertThat(entries.get(3).prevHash()).as("the first version 2 entry links to the last version 1 entry")
                .isEqualTo(fx.ledger.entry(coop.id(), entries.get(2).id()).hash());
    }

    @Test
    void tamperingIsFoundInVersion1AndInVersion2Entries() {
        Cooperative old = fx.newCooperative();
        long v1Entry = mixedChain(old).get(1).id();
        asSuperuser("update journal_entry set description = 'deposit 20' where id = " + v1Entry);
        ChainVerification v1 = fx.verifier.verify(old.id());
        assertThat(v1.ok()).isFalse();
        assertThat(v1.firstBrokenSequence()).isEqualTo(2L);
        assertThat(v1.problemKey()).isEqualTo("chain.problem.altered");

        Cooperative fresh = fx.newCooperative();
        long v2Entry = mixedChain(fresh).get(4).id();
        asSuperuser("update journal_line set amount = amount + 0.01 where entry_id = " + v2Entry);
        ChainVerification v2 = fx.verifier.verify(fresh.id());
        assertThat(v2.ok()).isFalse();
        assertThat(v2.firstBrokenSequence()).isEqualTo(5L);
        assertThat(v2.problemKey()).isEqualTo("chain.problem.altered");
    }

    @Test
    void aVersion2EntryCannotBeDowngradedToVersion1() {
        Cooperative coop = fx.newCooperative();
        long last = mixedChain(coop).get(4).id();
        asSuperuser("update journal_entry set hash_version = 1 where id = " + last);
        ChainVerification v = fx.verifier.verify(coop.id());
        assertThat(v.firstBrokenSequence()).isEqualTo(5L);
        assertThat(v.problemKey()).isEqualTo("chain.problem.version");
    }

    @Test
    void aRewrittenHistoryVerifiesButNoLongerPassesThroughAFingerprintWrittenDownEarlier() {
        Cooperative coop = fx.newCooperative();
        post(coop, 1, 3);
        ChainVerification visit = fx.verifier.verify(coop.id());
        Checkpoint writtenDown = new Checkpoint(visit.entriesChecked(), visit.headFingerprint());
        List<JournalEntry> later = post(coop, 4, 5);
        assertThat(fx.verifier.verify(coop.id(), writtenDown).checkpoint()).isEqualTo(CheckpointResult.PASSES);
        assertThat(fx.verifier.verify(coop.id(), new Checkpoint(0, EntryFingerprint.GENESIS)).checkpoint())
                .isEqualTo(CheckpointResult.PASSES);
        assertThat(fx.verifier.verify(coop.id(), new Checkpoint(3, later.get(1).hash())).checkpoint())
                .as("a fingerprint of another entry").isEqualTo(CheckpointResult.DIFFERS);
        assertThat(fx.verifier.verify(coop.id(), new Checkpoint(6, later.get(1).hash())).checkpoint())
                .isEqualTo(CheckpointResult.NOT_REACHED);

        // the superuser changes entry 2 and reseals everything after it: the chain alone cannot tell
        asSuperuser("update journal_entry set description = 'deposit 2 (rewritten)' where sequence = 2 and cooperative_id = " + coop.id());
        reseal(coop, 0);
        ChainVerification rewritten = fx.verifier.verify(coop.id(), writtenDown);
        assertThat(rewritten.ok()).as("a resealed chain verifies on its own").isTrue();
        assertThat(rewritten.checkpoint()).as("but not through what was written down").isEqualTo(CheckpointResult.DIFFERS);
    }

    @Test
    void aChainBrokenBeforeTheCheckpointCannotPassThroughIt() {
        Cooperative coop = fx.newCooperative();
        List<JournalEntry> entries = post(coop, 1, 3);
        Checkpoint writtenDown = new Checkpoint(3, entries.get(2).hash());
        asSuperuser("update journal_entry set description = 'changed' where id = " + entries.get(0).id());
        assertThat(fx.verifier.verify(coop.id(), writtenDown).checkpoint()).isEqualTo(CheckpointResult.BROKEN_BEFORE);
    }

    @Test
    void theDashboardStatusSeesABrokenChainFromTheRecordedCheckAndTheEntriesSince() {
        Cooperative coop = fx.newCooperative();
        post(coop, 1, 3);
        assertThat(fx.verifier.status(coop.id()).state()).as("never verified: verified in full once, and recorded").isEqualTo(ChainStatus.State.OK);
        assertThat(fx.verifier.verify(coop.id()).ok()).isTrue();
        List<JournalEntry> since = post(coop, 4, 5);
        assertThat(fx.verifier.status(coop.id()).state()).isEqualTo(ChainStatus.State.OK);

        asSuperuser("update journal_entry set description = 'changed' where id = " + since.get(1).id());
        ChainStatus afterTail = fx.verifier.status(coop.id());
        assertThat(afterTail.state()).as("an entry posted since the last full check").isEqualTo(ChainStatus.State.BROKEN);
        assertThat(afterTail.firstBrokenSequence()).isEqualTo(5L);

        Cooperative other = fx.newCooperative();
        List<JournalEntry> entries = post(other, 1, 3);
        assertThat(fx.verifier.verify(other.id()).ok()).isTrue();
        asSuperuser("update journal_entry set description = 'changed' where id = " + entries.get(0).id());
        assertThat(fx.verifier.status(other.id()).state()).as("old history waits for the next full check")
                .isEqualTo(ChainStatus.State.OK);
        fx.verifier.verify(other.id());
        assertThat(fx.verifier.status(other.id())).isEqualTo(new ChainStatus(ChainStatus.State.BROKEN,
                fx.verifier.status(other.id()).lastFullCheck(), 1L));
    }

    @Test
    void anAlteredMovementRowIsFoundAtItsAccount() {
        Cooperative coop = fx.newCooperative();
        postFive(coop);
        assertThat(fx.verifier.verify(coop.id()).ok()).isTrue();
        long cash = fx.chart.account(coop.id(), "1100").id();
        fx.dsl.transaction(cfg -> {
            cfg.dsl().execute("set local session_replication_role = replica"); // superuser: triggers off
            cfg.dsl().execute("update ledger_month_total set own_debit = own_debit - 1000 where account_id = " + cash);
        });

        ChainVerification after = fx.verifier.verify(coop.id());
        assertThat(after.ok()).isFalse();
        assertThat(after.balancesOk()).isFalse();
        assertThat(after.mismatchedAccount()).isEqualTo("1100");
        assertThat(after.firstBrokenSequence()).as("the chain itself is intact").isNull();
    }
}
