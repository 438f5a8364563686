package org.lumbung.ledger;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.DomainException;
import org.lumbung.testsupport.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Maker-checker: one person asks, another approves or rejects; nothing happens before. Who asks and who
 * decides comes from the security context alone, and the reversal and the reopening are reachable only
 * through an approved request.
 */
class ApprovalsTest extends DatabaseTest {

    @Autowired
    Approvals approvals;
    @Autowired
    LedgerService ledger;
    @Autowired
    PeriodService periods;

    private JournalEntry deposit(Cooperative c, String key) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        return ledger.post(new PostingRequest(c.id(), key, today, "deposit", "MANUAL", null,
                List.of(PostingLine.debit("1100", BigDecimal.TEN), PostingLine.credit("2100", BigDecimal.TEN)), "treasurer")).entry();
    }

    @Autowired
    ChartOfAccounts chart;
    @Autowired
    org.lumbung.members.MemberService members;

    @Test
    void theChairSeesTheWholeEntryAReversalWouldUndo() {
        Cooperative c = newCooperative("mc-detail");
        org.lumbung.members.Member siti = members.register(c.id(), org.lumbung.members.NewMember.basic("Siti Aminah", "F",
                "Ngrupit", null, LocalDate.now(ZoneId.of("Asia/Jakarta")).minusYears(1)));
        Account sub = chart.memberAccount(c.id(), "2100", siti.id(), siti.memberNumber(), siti.fullName());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        JournalEntry entry = ledger.post(new PostingRequest(c.id(), "mc-detail-1", today, "Setoran sukarela Siti", "MANUAL", null,
                List.of(PostingLine.debit("1100", new BigDecimal("250000")), PostingLine.credit(sub.code(), new BigDecimal("250000"))),
                "treasurer")).entry();
        Approval asked = as("bu.sri", "TREASURER", () -> approvals.requestReversal(c.id(), entry.id(), "wrong member"));

        ApprovalDetail d = as("pak.budi", "CHAIR", () -> approvals.detail(c.id(), asked.id()));
        assertThat(d.period()).isNull();
        ApprovalDetail.EntryToReverse e = d.entry();
        assertThat(e.sequence()).isEqualTo(entry.sequence());
        assertThat(e.valueDate()).isEqualTo(today);
        assertThat(e.description()).isEqualTo("Setoran sukarela Siti");
        assertThat(e.postedBy()).isEqualTo(entry.createdBy());
        assertThat(e.postedAt()).isEqualTo(entry.createdAt());
        assertThat(e.lines()).extracting(ApprovalDetail.Line::accountCode, ApprovalDetail.Line::side, ApprovalDetail.Line::member)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1100", Side.DEBIT, null),
                        org.assertj.core.groups.Tuple.tuple(sub.code(), Side.CREDIT, "%05d Siti Aminah".formatted(siti.memberNumber())));
        assertThat(e.lines().get(0).accountName(java.util.Locale.ENGLISH)).isNotBlank();
        assertThat(e.totals()).containsOnlyKeys("IDR").hasEntrySatisfying("IDR", t -> assertThat(t).isEqualByComparingTo("250000"));
        assertThat(ledger.reversalOf(c.id(), entry.id())).as("reading changes nothing").isEmpty();
        assertThatThrownBy(() -> approvals.detail(newCooperative("mc-detail-other").id(), asked.id()))
                .isInstanceOfSatisfying(DomainException.class, x -> assertThat(x.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
    }

    @Test
    void theChairSeesTheMonthAReopeningWouldOpen() {
        Cooperative c = newCooperative("mc-detail-per");
        YearMonth lastMonth = YearMonth.now(ZoneId.of("Asia/Jakarta")).minusMonths(1);
        periods.close(c.id(), lastMonth);
        deposit(c, "mc-detail-after-1");
        deposit(c, "mc-detail-after-2");
        Approval asked = as("bu.sri", "TREASURER", () -> approvals.requestReopening(c.id(), lastMonth, "late slip"));

        ApprovalDetail d = approvals.detail(c.id(), asked.id());
        assertThat(d.entry()).isNull();
        assertThat(d.period().month()).isEqualTo(lastMonth);
        assertThat(d.period().closedBy()).isEqualTo("test-admin");
        assertThat(d.period().closedAt()).isNotNull();
        assertThat(d.period().entriesSince()).isEqualTo(2);
    }

    @Test
    void aReversalNeedsASecondPerson() {
        Cooperative c = newCooperative("mc-rev");
        JournalEntry entry = deposit(c, "mc-deposit-1");

        Approval asked = as("bu.sri", "TREASURER", () -> approvals.requestReversal(c.id(), entry.id(), "wrong member"));
        assertThat(asked.requestedBy()).isEqualTo("bu.sri");
        assertThat(asked.status()).isEqualTo(Approval.Status.PENDING);
        assertThat(ledger.reversalOf(c.id(), entry.id())).isEmpty();

        Approval approved = as("pak.budi", "CHAIR", () -> approvals.approve(c.id(), asked.id()));
        assertThat(approved.status()).isEqualTo(Approval.Status.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo("pak.budi");
        assertThat(ledger.reversalOf(c.id(), entry.id())).hasValueSatisfying(r -> assertThat(r.createdBy()).isEqualTo("bu.sri+pak.budi"));
        assertThatThrownBy(() -> as("admin", "ADMIN", () -> approvals.reject(c.id(), asked.id(), "late")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("approval.decided"));
    }

    @Test
    void whoAskedCanNeverDecideTheirOwnRequest() {
        Cooperative c = newCooperative("mc-self");
        JournalEntry entry = deposit(c, "mc-deposit-2");
        YearMonth lastMonth = YearMonth.now(ZoneId.of("Asia/Jakarta")).minusMonths(1);
        as("pak.budi", "CHAIR", () -> {
            periods.close(c.id(), lastMonth);
            return null;
        });
        // a chair may both ask and decide, but never for her own request, whichever kind
        Approval reversal = as("pak.budi", "CHAIR", () -> approvals.requestReversal(c.id(), entry.id(), "typo"));
        Approval reopening = as("pak.budi", "CHAIR", () -> approvals.requestReopening(c.id(), lastMonth, "late slip"));
        for (Approval own : List.of(reversal, reopening)) {
            assertThatThrownBy(() -> as("pak.budi", "CHAIR", () -> approvals.approve(c.id(), own.id())))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("approval.same-person"));
            assertThatThrownBy(() -> as("pak.budi", "CHAIR", () -> approvals.reject(c.id(), own.id(), "never mind")))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("approval.same-person"));
        }
        // nor through an API token (which anyone holding it, or the administrator who made it, could use)
        assertThatThrownBy(() -> as("token:ab12cd34", "CHAIR", () -> approvals.approve(c.id(), reversal.id())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("approval.person-only"));
        assertThat(ledger.reversalOf(c.id(), entry.id())).isEmpty();
        assertThat(periods.closedThrough(c.id())).isEqualTo(lastMonth.atEndOfMonth());
        assertThat(approvals.list(c.id())).allSatisfy(a -> assertThat(a.status()).isEqualTo(Approval.Status.PENDING));
    }

    @Test
    void aReopeningWaitsAndARejectionChangesNothing() {
        Cooperative c = newCooperative("mc-per");
        YearMonth lastMonth = YearMonth.now(ZoneId.of("Asia/Jakarta")).minusMonths(1);
        periods.close(c.id(), lastMonth);
        assertThat(periods.periods(c.id())).filteredOn(Period::closed).singleElement()
                .satisfies(p -> assertThat(p.closedBy()).isEqualTo("test-admin"));

        Approval rejected = as("admin", "ADMIN", () -> approvals.reject(c.id(),
                as("pak.budi", "CHAIR", () -> approvals.requestReopening(c.id(), lastMonth, "late slip")).id(),
                "bring the slip first"));
        assertThat(rejected.status()).isEqualTo(Approval.Status.REJECTED);
        assertThat(periods.closedThrough(c.id())).isEqualTo(lastMonth.atEndOfMonth());

        Approval asked = as("pak.budi", "CHAIR", () -> approvals.requestReopening(c.id(), lastMonth, "slip found"));
        as("admin", "ADMIN", () -> approvals.approve(c.id(), asked.id()));
        assertThat(periods.closedThrough(c.id())).isNull();
        assertThat(periods.events(c.id())).first().satisfies(e -> {
            assertThat(e.action()).isEqualTo("REOPEN");
            assertThat(e.actor()).isEqualTo("pak.budi+admin");
        });
        assertThat(approvals.list(c.id())).extracting(Approval::status)
                .containsExactly(Approval.Status.APPROVED, Approval.Status.REJECTED);
    }

    @Test
    void signedOutNobodyAsksOrDecides() {
        Cooperative c = newCooperative("mc-anon");
        JournalEntry entry = deposit(c, "mc-deposit-3");
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            assertThatThrownBy(() -> approvals.requestReversal(c.id(), entry.id(), "who?")).isInstanceOf(RuntimeException.class);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
        assertThat(approvals.list(c.id())).isEmpty();
    }

    @Test
    void theApprovedActionsAreNotPublicAndOnlyApprovalsCarriesThemOut() {
        assertThat(Arrays.stream(LedgerService.class.getDeclaredMethods()).filter(m -> m.getName().equals("reverse")))
                .isNotEmpty().noneMatch(m -> Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers()));
        assertThat(Arrays.stream(PeriodService.class.getDeclaredMethods()).filter(m -> m.getName().equals("reopen")))
                .isNotEmpty().noneMatch(m -> Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers()));
        JavaClasses production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.lumbung");
        methods().that().areDeclaredIn(LedgerService.class).and().haveName("reverse")
                .should().onlyBeCalled().byClassesThat().belongToAnyOf(Approvals.class).check(production);
        methods().that().areDeclaredIn(PeriodService.class).and().haveName("reopen")
                .should().onlyBeCalled().byClassesThat().belongToAnyOf(Approvals.class).check(production);
    }
}
