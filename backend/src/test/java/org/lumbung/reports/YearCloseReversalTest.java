package org.lumbung.reports;

import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.Approval;
import org.lumbung.ledger.Approvals;
import org.lumbung.ledger.JournalEntry;
import org.lumbung.ledger.LedgerQueries;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.ledger.Precondition;
import org.lumbung.platform.DomainException;
import org.lumbung.testsupport.DatabaseTest;
import org.lumbung.testsupport.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A closed year whose SHU is distributed cannot be reopened by any path: not by the year-end screen, not by a
 * reversal asked for from the journal's dialog, not by approving a reversal asked for before the distribution; and a
 * reopening and a distribution racing each other cannot both pass (the surplus account must stand where each saw it).
 */
class YearCloseReversalTest extends DatabaseTest {

    @Autowired
    YearEndClose yearEnd;
    @Autowired
    ShuService shu;
    @Autowired
    ShuPosting shuPosting;
    @Autowired
    Approvals approvals;
    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerQueries queries;
    @Autowired
    YearCloseReversalGuard guard;

    @Test
    void noReversalPathReopensAYearWhoseShuIsDistributed() {
        Cooperative c = closedYearWithASurplus("shu-guard");
        JournalEntry close = yearEnd.closingEntry(c.id(), 2024).orElseThrow();
        // asked for from the journal's reversal dialog before the meeting distributed the SHU
        Approval askedEarly = approvals.requestReversal(c.id(), close.id(), "typed in the journal dialog");
        shuPosting.post(c.id(), 2024, ShuDistribution.Destination.PAYABLE);

        assertThatThrownBy(() -> SignedIn.as("bu.ketua", "ADMIN", () -> approvals.approve(c.id(), askedEarly.id())))
                .isInstanceOf(DomainException.class).hasMessageContaining("reports.shu.already-posted");
        assertThat(yearEnd.closingEntry(c.id(), 2024)).isPresent();
        SignedIn.as("bu.ketua", "ADMIN", () -> approvals.reject(c.id(), askedEarly.id(), "distributed already"));
        assertThatThrownBy(() -> approvals.requestReversal(c.id(), close.id(), "from the journal again"))
                .isInstanceOf(DomainException.class).hasMessageContaining("reports.shu.already-posted");
        assertThatThrownBy(() -> yearEnd.requestReopening(c.id(), 2024, "from the year-end screen"))
                .isInstanceOf(DomainException.class).hasMessageContaining("reports.shu.already-posted");
    }

    @Test
    void aReopeningIsRefusedUnderTheLocksWhenTheSurplusAccountMovedSinceItsCheck() {
        Cooperative c = closedYearWithASurplus("shu-race");
        JournalEntry close = yearEnd.closingEntry(c.id(), 2024).orElseThrow();
        Precondition rule = guard.check(close);
        // what a distribution posted meanwhile does: debit SHU tahun berjalan
        post(c, "shu-race-distribution", LocalDate.of(2025, 3, 1), "3500", "3400", "100000");
        BigDecimal now = queries.balanceAsOf(c.id(), "3500", LocalDate.of(2999, 12, 31));
        assertThatThrownBy(() -> rule.check(lockedAt(now)))
                .isInstanceOf(DomainException.class).hasMessageContaining("reports.year-close.surplus-moved");
        guard.check(close).check(lockedAt(now));
    }

    private Cooperative closedYearWithASurplus(String code) {
        Cooperative c = newCooperative(code);
        post(c, code + "-income", LocalDate.of(2024, 5, 1), "1100", "4400", "100000");
        yearEnd.close(c.id(), 2024);
        Map<ShuPool, BigDecimal> percents = new EnumMap<>(ShuPool.class);
        for (ShuPool p : ShuPool.values()) {
            percents.put(p, p == ShuPool.RESERVE ? new BigDecimal("100") : BigDecimal.ZERO);
        }
        shu.saveSplit(c.id(), 2024, new ShuSplit(percents, ShuSplit.CapitalBase.YEAR_END));
        return c;
    }

    private static Precondition.LockedBalances lockedAt(BigDecimal surplus) {
        return new Precondition.LockedBalances() {
            @Override
            public BigDecimal before(String accountCode) {
                return surplus;
            }

            @Override
            public BigDecimal after(String accountCode) {
                return surplus;
            }
        };
    }

    private void post(Cooperative c, String key, LocalDate day, String debit, String credit, String amount) {
        ledger.post(new PostingRequest(c.id(), key, day, "shu guard test", "MANUAL", null,
                List.of(PostingLine.debit(debit, new BigDecimal(amount)), PostingLine.credit(credit, new BigDecimal(amount))), "t"));
    }
}
