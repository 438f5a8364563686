package org.lumbung.ledger;

import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.DomainException;
import org.lumbung.testsupport.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Maker-checker: one person asks, another approves or rejects; nothing happens before. */
class ApprovalsTest extends DatabaseTest {

    @Autowired
    Approvals approvals;
    @Autowired
    LedgerService ledger;
    @Autowired
    PeriodService periods;

    @Test
    void aReversalNeedsASecondPerson() {
        Cooperative c = newCooperative("mc-rev");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        JournalEntry entry = ledger.post(new PostingRequest(c.id(), "mc-deposit-1", today, "deposit", "MANUAL", null,
                List.of(PostingLine.debit("1100", BigDecimal.TEN), PostingLine.credit("2100", BigDecimal.TEN)), "treasurer")).entry();

        Approval asked = approvals.requestReversal(c.id(), entry.id(), "wrong member", "treasurer");
        assertThat(asked.status()).isEqualTo(Approval.Status.PENDING);
        assertThat(ledger.reversalOf(c.id(), entry.id())).isEmpty();
        assertThatThrownBy(() -> approvals.approve(c.id(), asked.id(), "treasurer"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("approval.same-person"));

        Approval approved = approvals.approve(c.id(), asked.id(), "chair");
        assertThat(approved.status()).isEqualTo(Approval.Status.APPROVED);
        assertThat(ledger.reversalOf(c.id(), entry.id())).hasValueSatisfying(r -> assertThat(r.createdBy()).isEqualTo("treasurer+chair"));
        assertThatThrownBy(() -> approvals.reject(c.id(), asked.id(), "admin", "late"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("approval.decided"));
    }

    @Test
    void aReopeningWaitsAndARejectionChangesNothing() {
        Cooperative c = newCooperative("mc-per");
        YearMonth lastMonth = YearMonth.now(ZoneId.of("Asia/Jakarta")).minusMonths(1);
        periods.close(c.id(), lastMonth, "chair");

        Approval rejected = approvals.reject(c.id(), approvals.requestReopening(c.id(), lastMonth, "late slip", "chair").id(),
                "admin", "bring the slip first");
        assertThat(rejected.status()).isEqualTo(Approval.Status.REJECTED);
        assertThat(periods.closedThrough(c.id())).isEqualTo(lastMonth.atEndOfMonth());

        approvals.approve(c.id(), approvals.requestReopening(c.id(), lastMonth, "slip found", "chair").id(), "admin");
        assertThat(periods.closedThrough(c.id())).isNull();
        assertThat(approvals.list(c.id())).extracting(Approval::status)
                .containsExactly(Approval.Status.APPROVED, Approval.Status.REJECTED);
    }
}
