package org.lumbung.ledger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.testsupport.LedgerFixture;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
        LocalDate today = LocalDate.now(coop.zone());
        List<JournalEntry> entries = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
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
        assertThat(after.problem()).contains("altered");
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
        assertThat(after.problem()).contains("sequence gap");
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
