package org.lumbung.security;

import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.Approvals;
import org.lumbung.ledger.LedgerQueries;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.JournalFilter;
import org.lumbung.ledger.PeriodService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.testsupport.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The services refuse on their own what a role may not do, whatever screen or endpoint calls them. */
class ServiceSecurityTest extends DatabaseTest {

    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerQueries queries;
    @Autowired
    PeriodService periods;
    @Autowired
    Approvals approvals;

    private PostingRequest deposit(long cooperativeId) {
        return new PostingRequest(cooperativeId, "security-deposit-1", LocalDate.now(), "deposit", "MANUAL", null,
                List.of(PostingLine.debit("1100", BigDecimal.TEN), PostingLine.credit("2100", BigDecimal.TEN)), "x");
    }

    @Test
    @WithMockUser(username = "auditor", roles = "AUDITOR")
    void anAuditorCannotPostCloseOrFoundEvenThroughTheServices() {
        assertThatThrownBy(() -> ledger.post(deposit(1))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> approvals.requestReversal(1, 1, "why")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> periods.close(1, YearMonth.now().minusMonths(1))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> newCooperative("auditor-coop")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(username = "treasurer", roles = "TREASURER")
    void aTreasurerPostsButDoesNotClosePeriods() {
        assertThatThrownBy(() -> periods.close(1, YearMonth.now().minusMonths(1))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> approvals.approve(1, 1)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithAnonymousUser
    void signedOutNobodyReadsAnything() {
        assertThatThrownBy(() -> queries.journalCount(1, JournalFilter.all())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anAdministratorMay() {
        Cooperative c = newCooperative("admin-coop");
        assertThat(ledger.post(deposit(c.id())).entry().sequence()).isEqualTo(1);
    }
}
