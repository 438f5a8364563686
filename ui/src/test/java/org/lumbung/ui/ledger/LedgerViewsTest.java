package org.lumbung.ui.ledger;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.treegrid.TreeGrid;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.Account;
import org.lumbung.ledger.JournalFilter;
import org.lumbung.ledger.JournalRow;
import org.lumbung.ledger.LedgerQueries;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.TrialBalance;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.ui.KaribuTest;
import org.lumbung.ui.members.MembersView;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class LedgerViewsTest extends KaribuTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.lumbung.ledger.PeriodService periods;

    @Autowired
    CooperativeService cooperatives;
    @Autowired
    LedgerQueries queries;
    @Autowired
    LedgerService ledger;
    @Autowired
    org.lumbung.ledger.ChartOfAccounts chart;
    @Autowired
    org.lumbung.members.MemberService members;
    @Autowired
    java.time.Clock clock;
    @Autowired
    org.lumbung.ledger.Approvals approvals;
    @Autowired
    org.lumbung.ledger.ChainVerifier verifier;

    /** The issue: raw SAVINGS / system, account codes without names, and a blank grid for an empty search. */
    @Test
    @SuppressWarnings("unchecked")
    void theJournalSaysItsSourcesPeopleAndAccountsInWordsAndAnEmptySearchSaysSo() {
        signIn("treasurer", Messages.INDONESIAN);
        UI.getCurrent().navigate(JournalView.class);
        Grid<JournalRow> grid = _get(Grid.class, spec -> spec.withId("journal-grid"));
        int savings = -1;
        for (int i = 0; i < Math.min(_size(grid), 50) && savings < 0; i++) {
            if ("SAVINGS".equals(_get(grid, i).sourceType())) {
                savings = i;
            }
        }
        assertThat(savings).as("the sample's savings entries").isNotNegative();
        String row = com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(grid, savings).toString();
        assertThat(row).contains("Simpanan").doesNotContain("SAVINGS").doesNotContain("system")
                .containsAnyOf("Lumbung (otomatis)", "Ibu Sri Wahyuni");
        _clickItem(grid, savings, 1, false, false, false, false);
        Grid<org.lumbung.ledger.EntryLine> lines = _get(Grid.class, spec -> spec.withId("entry-lines"));
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(lines, 0).toString()).matches(".*\\d{4}[.0-9]* — \\S.*");
        com.github.mvysny.kaributesting.v10.LocatorJ._get(com.vaadin.flow.component.dialog.Dialog.class).close();

        _setValue(_get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("journal-text")), "tidak-ada-yang-begini-xyz");
        assertThat(_size(grid)).isZero();
        assertThat(grid.getEmptyStateText()).isEqualTo("Tidak ada yang ditemukan. Ubah pencarian atau saringannya.");
    }

    /** Each feature names its own source in its bundle: the filter offers them all, in the reader's words. */
    @Test
    @SuppressWarnings("unchecked")
    void theJournalFiltersByEveryFeaturesSourceNamedInTheReadersLanguage() {
        signIn("treasurer", Messages.INDONESIAN);
        UI.getCurrent().navigate(JournalView.class);
        com.vaadin.flow.component.select.Select<String> source = _get(com.vaadin.flow.component.select.Select.class,
                spec -> spec.withId("journal-source"));
        assertThat(source.getListDataView().getItems().toList())
                .contains("LOANS", "LOAN_CLOSE", "REMITTANCE", "FX", "SHOP", "SHU", "YEAR_CLOSE", "SAVINGS", "MANUAL");
        assertThat(source.getItemLabelGenerator().apply("LOANS")).isEqualTo("Pinjaman");
        assertThat(source.getListDataView().getItems().skip(1).map(source.getItemLabelGenerator()).toList())
                .as("after 'all sources', in the order the reader reads them").isSorted();
        _setValue(source, "LOANS");
        Grid<JournalRow> grid = _get(Grid.class, spec -> spec.withId("journal-grid"));
        assertThat(_size(grid)).as("the sample's loan entries").isPositive();
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(grid, 0).toString())
                .contains("Pinjaman").doesNotContain("LOANS");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReversalIsAskedForByOnePersonAndApprovedByAnother() {
        signIn("treasurer");
        long coop = cooperatives.byCode("ngrupit").id();
        UI.getCurrent().navigate(JournalView.class);
        Grid<JournalRow> grid = _get(Grid.class, spec -> spec.withId("journal-grid"));
        assertThat(_size(grid)).isEqualTo(queries.journalCount(coop, JournalFilter.all()));
        JournalRow newest = _get(grid, 0);

        _clickItem(grid, 0, 1, false, false, false, false);
        _click(_get(Button.class, spec -> spec.withId("reverse-entry")));
        _setValue(_get(TextArea.class, spec -> spec.withId("reversal-reason")), "setoran dicatat dua kali");
        _click(_get(Button.class, spec -> spec.withId("confirm-reversal")));
        assertThat(ledger.reversalOf(coop, newest.id())).as("nothing happens before a second person approves").isEmpty();

        // the treasurer who asked sees the request but cannot decide it
        UI.getCurrent().navigate(ApprovalsView.class);
        Grid<org.lumbung.ledger.Approval> waiting = _get(Grid.class, spec -> spec.withId("approvals-grid"));
        assertThat(_get(waiting, 0).status()).isEqualTo(org.lumbung.ledger.Approval.Status.PENDING);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(waiting, 0, "decision"))
                .as("only the details, no decision").isInstanceOf(Button.class)
                .satisfies(b -> assertThat(b.getId()).hasValue("show-" + _get(waiting, 0).id()));

        tearDownVaadin();
        setUpVaadinAgain();
        signIn("chair");
        UI.getCurrent().navigate(ApprovalsView.class);
        Grid<org.lumbung.ledger.Approval> forChair = _get(Grid.class, spec -> spec.withId("approvals-grid"));
        var decision = com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(forChair, 0, "decision");
        _click(decision.getChildren().map(Button.class::cast).filter(b -> b.getId().orElse("").startsWith("approve-"))
                .findFirst().orElseThrow());
        // one click is not enough: the chair sees the whole entry and what approving will do, then confirms
        assertThat(ledger.reversalOf(coop, newest.id())).as("asked before anything happens").isEmpty();
        org.lumbung.ledger.JournalEntry entry = ledger.entry(coop, newest.id());
        Grid<org.lumbung.ledger.ApprovalDetail.Line> lines = _get(Grid.class, spec -> spec.withId("approval-lines"));
        assertThat(_size(lines)).isEqualTo(entry.lines().size());
        assertThat(_get(lines, 0).accountCode()).isEqualTo(entry.lines().get(0).accountCode());
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(lines, 0).get(0))
                .startsWith(entry.lines().get(0).accountCode() + " ");
        // the description as the journal shows it in the reader's language, the people by their names, not sign-ins
        assertThat(_get(Span.class, spec -> spec.withClasses("approval-entry-description")).getText())
                .isEqualTo(org.lumbung.ledger.EntryDescriptions.readable(entry.description(), java.util.Locale.ENGLISH));
        assertThat(_get(Span.class, spec -> spec.withClasses("approval-approvals-total")).getText()).startsWith("IDR ");
        assertThat(_get(Span.class, spec -> spec.withClasses("approval-entry-created")).getText())
                .startsWith(new org.lumbung.ui.components.PersonNames(users).of(entry.createdBy()) + " · ");
        assertThat(_get(Span.class, spec -> spec.withClasses("approval-approvals-requested")).getText())
                .startsWith(users.displayName("treasurer") + " · ").doesNotStartWith("treasurer");
        Button confirm = _get(Button.class, spec -> spec.withId("confirm-yes"));
        assertThat(confirm.getText()).isEqualTo("Approve: Reverse entry #" + entry.sequence());
        _click(confirm);
        assertThat(ledger.reversalOf(coop, newest.id())).hasValueSatisfying(r -> {
            assertThat(r.reversalReason()).isEqualTo("setoran dicatat dua kali");
            assertThat(r.createdBy()).isEqualTo("treasurer+chair");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theChairWhoAskedSeesNoDecisionOnHerOwnRequest() {
        long coop = org.lumbung.security.SystemActor.run(() -> cooperatives.byCode("ngrupit").id());
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"));
        org.lumbung.ledger.JournalEntry own = org.lumbung.security.SystemActor.run(() -> ledger.post(
                new org.lumbung.ledger.PostingRequest(coop, "views-chair-asks-1", today, "Setoran dicatat ganda", "MANUAL", null,
                        java.util.List.of(org.lumbung.ledger.PostingLine.debit("1100", java.math.BigDecimal.ONE),
                                org.lumbung.ledger.PostingLine.credit("2100", java.math.BigDecimal.ONE)), "treasurer")).entry());
        signIn("chair");
        UI.getCurrent().navigate(JournalView.class);
        Grid<JournalRow> journal = _get(Grid.class, spec -> spec.withId("journal-grid"));
        assertThat(_get(journal, 0).id()).isEqualTo(own.id());
        _clickItem(journal, 0, 1, false, false, false, false);
        _click(_get(Button.class, spec -> spec.withId("reverse-entry")));
        _setValue(_get(TextArea.class, spec -> spec.withId("reversal-reason")), "dicatat ganda");
        _click(_get(Button.class, spec -> spec.withId("confirm-reversal")));

        UI.getCurrent().navigate(ApprovalsView.class);
        Grid<org.lumbung.ledger.Approval> grid = _get(Grid.class, spec -> spec.withId("approvals-grid"));
        org.lumbung.ledger.Approval mine = _get(grid, 0);
        assertThat(mine.entryId()).isEqualTo(own.id());
        assertThat(mine.requestedBy()).isEqualTo("chair");
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid, 0, "decision"))
                .as("a chair may decide, but not her own request").isInstanceOf(Button.class);
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Button.class, spec -> spec.withId("approve-" + mine.id()))).isEmpty();
        // and the service behind the screen refuses her too
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> approvals.approve(coop, mine.id()))
                .isInstanceOfSatisfying(org.lumbung.platform.DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("approval.same-person"));
        org.lumbung.security.SystemActor.run(() -> approvals.reject(coop, mine.id(), "test over"));
        assertThat(ledger.reversalOf(coop, own.id())).isEmpty();
    }

    @Test
    void theAuditorChecksAWrittenDownHeadInBahasaIndonesia() {
        long coop = org.lumbung.security.SystemActor.run(() -> cooperatives.byCode("ngrupit").id());
        org.lumbung.ledger.ChainVerification earlier = org.lumbung.security.SystemActor.run(() -> verifier.verify(coop));
        signIn("auditor", Messages.INDONESIAN);
        UI.getCurrent().navigate(VerificationView.class);
        _setValue(_get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("checkpoint-sequence")),
                Long.toString(earlier.entriesChecked()));
        _setValue(_get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("checkpoint-fingerprint")),
                earlier.headFingerprint());
        _click(_get(Button.class, spec -> spec.withId("check-checkpoint")));
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("checkpoint-result")).getText())
                .startsWith("Rantai hari ini melewati sidik jari ini");

        _setValue(_get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("checkpoint-fingerprint")),
                "0".repeat(64));
        _click(_get(Button.class, spec -> spec.withId("check-checkpoint")));
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("checkpoint-result")).getText())
                .startsWith("Rantai hari ini TIDAK melewati");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTrialBalanceBalancesPerCurrency() {
        // US$ 1,000.00 credited to a member at 15,735 IDR per USD, through the trading accounts (the sample holds
        // ringgit of its own, dollars it does not)
        org.lumbung.security.SystemActor.run(() -> {
            long coop = cooperatives.byCode("ngrupit").id();
            java.time.LocalDate today = cooperatives.byCode("ngrupit").today(clock);
            chart.open(coop, new org.lumbung.ledger.NewAccount("1230", "Bank USD", "Bank USD", org.lumbung.ledger.AccountType.ASSET,
                    null, "USD", false, null, false, true));
            String fxUsd = chart.fxPositionAccount(coop, "USD").code();
            String fxIdr = chart.fxPositionAccount(coop, "IDR").code();
            return ledger.post(new org.lumbung.ledger.PostingRequest(coop, "tb-two-currencies", today, "remittance", "MANUAL", null,
                    java.util.List.of(org.lumbung.ledger.PostingLine.debit("1230", new java.math.BigDecimal("1000.00")),
                            org.lumbung.ledger.PostingLine.credit(fxUsd, new java.math.BigDecimal("1000.00")),
                            org.lumbung.ledger.PostingLine.debit(fxIdr, new java.math.BigDecimal("15735000")),
                            org.lumbung.ledger.PostingLine.credit("2300", new java.math.BigDecimal("15735000"))), "system"));
        });
        signIn("auditor");
        UI.getCurrent().navigate(TrialBalanceView.class);
        Grid<TrialBalance.Row> grid = _get(Grid.class, spec -> spec.withId("trial-balance-grid"));
        assertThat(grid.getListDataView().getItems().map(TrialBalance.Row::currency).distinct()).contains("IDR", "USD");
        assertThat(_get(Span.class, spec -> spec.withId("trial-balance-total-IDR")).getText()).contains("IDR").contains("balanced")
                .doesNotContain("NOT");
        assertThat(_get(Span.class, spec -> spec.withId("trial-balance-total-USD")).getText()).contains("USD 1,000.00")
                .contains("balanced").doesNotContain("NOT");
    }

    @Test
    @SuppressWarnings("unchecked")
    void inDetailTheTrialBalanceListsEveryMembersSubAccountWithTheSameTotals() {
        signIn("auditor");
        UI.getCurrent().navigate(TrialBalanceView.class);
        String rolledUp = _get(Div.class, spec -> spec.withId("trial-balance-totals")).getElement().getTextRecursively();
        Grid<TrialBalance.Row> grid = _get(Grid.class, spec -> spec.withId("trial-balance-grid"));
        assertThat(grid.getListDataView().getItems().map(TrialBalance.Row::code)).doesNotContain("3100.00001");

        _setValue(_get(com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withId("trial-balance-detail")), true);
        long coop = cooperatives.byCode("ngrupit").id();
        long lines = org.lumbung.security.SystemActor.run(() -> queries.detailCount(coop));
        assertThat(_size(grid)).isEqualTo((int) lines).isGreaterThan(300);
        java.util.List<String> codes = new java.util.ArrayList<>();
        for (int i = 0; i < lines; i++) {
            codes.add(_get(grid, i).code());
        }
        assertThat(codes).contains("3100", "3100.00001").doesNotHaveDuplicates();
        assertThat(_get(Div.class, spec -> spec.withId("trial-balance-totals")).getElement().getTextRecursively())
                .isEqualTo(rolledUp);
    }

    @Test
    void theAuditorVerifiesTheChainAndReadsTheFingerprint() {
        signIn("auditor", Messages.INDONESIAN);
        UI.getCurrent().navigate(VerificationView.class);
        _click(_get(Button.class, spec -> spec.withId("verify-chain")));
        String result = _get(Div.class, spec -> spec.withId("verification-result")).getElement().getTextRecursively();
        assertThat(result).contains("Rantai utuh");
        assertThat(_get(Span.class, spec -> spec.withId("head-fingerprint")).getText()).matches("[0-9a-f]{64}");
        // what the fingerprint covers: the entries, by number as the journal shows them, and when the last was sealed
        long coop = org.lumbung.security.SystemActor.run(() -> cooperatives.byCode("ngrupit").id());
        org.lumbung.ledger.ChainVerification now = org.lumbung.security.SystemActor.run(() -> verifier.verify(coop));
        java.time.Instant sealed = org.lumbung.security.SystemActor.run(() -> verifier.sealedAt(coop, now.entriesChecked()));
        assertThat(now.entriesChecked()).isGreaterThan(999);
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("head-covers")).getText())
                .contains("#1 sampai #" + now.entriesChecked())
                .contains(org.lumbung.ui.i18n.Formats.dateTime(sealed, cooperatives.byCode("ngrupit").zone(), Messages.INDONESIAN));
        _click(_get(Button.class, spec -> spec.withId("copy-fingerprint")));
        com.vaadin.flow.component.html.Anchor certificate = _get(com.vaadin.flow.component.html.Anchor.class,
                spec -> spec.withId("chain-certificate"));
        assertThat(certificate.getText()).contains("Sertifikat");
        assertThat(certificate.getHref()).isNotBlank();
    }

    @Test
    @SuppressWarnings("unchecked")
    void chartOfAccountsFoldsMembersSubAccountsIntoTheirControlAccount() {
        signIn("treasurer");
        UI.getCurrent().navigate(ChartOfAccountsView.class);
        TreeGrid<Account> tree = _get(TreeGrid.class, spec -> spec.withId("chart-grid"));
        // the chart's five roots, and each foreign currency's accounts at the top in their own currency
        assertThat(tree.getTreeData().getRootItems()).extracting(Account::code).filteredOn(code -> !code.contains("."))
                .containsExactly("1", "2", "3", "4", "5");
        assertThat(tree.getTreeData().getRootItems()).filteredOn(a -> a.code().contains("."))
                .allSatisfy(a -> assertThat(a.code()).endsWith("." + a.currency()));
        Account equity = tree.getTreeData().getRootItems().stream().filter(a -> a.code().equals("3")).findFirst().orElseThrow();
        Account pokok = tree.getTreeData().getChildren(equity).stream()
                .filter(a -> a.code().equals("3100")).findFirst().orElseThrow();
        // 150 members' sub-accounts are not rows of the chart: their control account carries their total
        assertThat(tree.getTreeData().getChildren(pokok)).isEmpty();
        assertThat(pokok.balance()).isPositive().isEqualByComparingTo(org.lumbung.security.SystemActor.run(
                () -> chart.balanceWithDescendants(cooperatives.byCode("ngrupit").id(), "3100")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTreasurerExtendsTheChart() {
        signIn("treasurer");
        UI.getCurrent().navigate(ChartOfAccountsView.class);
        _click(_get(Button.class, spec -> spec.withId("new-account")));
        com.vaadin.flow.component.combobox.ComboBox<Account> parent =
                _get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("new-account-parent"));
        _setValue(parent, parent.getListDataView().getItems().filter(a -> a.code().equals("5400")).findFirst().orElseThrow());
        _setValue(_get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("new-account-code")), "5410");
        _setValue(_get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("new-account-name-id")), "Beban Listrik");
        _setValue(_get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("new-account-name-en")), "Electricity");
        _click(_get(Button.class, spec -> spec.withId("save-account")));
        assertThat(chart.find(cooperatives.byCode("ngrupit").id(), "5410"))
                .hasValueSatisfying(a -> assertThat(a.type()).isEqualTo(org.lumbung.ledger.AccountType.EXPENSE));
    }

    @Test
    void periodsShowWhoMayCloseWhat() {
        signIn("treasurer");
        UI.getCurrent().navigate(PeriodsView.class);
        // the treasurer sees the periods but may neither close nor reopen one
        assertThat(periodActions()).isEmpty();

        // the chair may close exactly the next month to close, and nothing else
        tearDownVaadin();
        setUpVaadinAgain();
        signIn("chair");
        UI.getCurrent().navigate(PeriodsView.class);
        java.time.YearMonth next = org.lumbung.security.SystemActor.run(() -> periods.nextToClose(cooperatives.byCode("ngrupit").id()))
                .orElseThrow();
        assertThat(periodActions()).singleElement().satisfies(b -> {
            assertThat(b.getText()).isEqualTo("Close");
            assertThat(b.getId()).hasValue("close-" + next);
        });
    }

    /** The buttons in the periods grid's action column, row by row (Karibu renders the cells on request). */
    private static java.util.List<Button> periodActions() {
        Grid<?> grid = _get(Grid.class, spec -> spec.withId("periods-grid"));
        java.util.List<Button> buttons = new java.util.ArrayList<>();
        for (int row = 0; row < _size(grid); row++) {
            if (com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid, row, "action") instanceof Button b) {
                buttons.add(b);
            }
        }
        return buttons;
    }

    @Test
    void membersAreListedAndFound() {
        signIn("treasurer");
        UI.getCurrent().navigate(MembersView.class);
        Grid<?> grid = _get(Grid.class, spec -> spec.withId("members-grid"));
        long coop = cooperatives.byCode("ngrupit").id();
        assertThat(_size(grid)).isEqualTo(members.count(coop, org.lumbung.members.MemberFilter.ALL)).isGreaterThan(100);
        _setValue(_get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("member-search")), "siti aminah");
        assertThat(_size(grid)).isPositive();
        assertThat(((org.lumbung.members.Member) _get(grid, 0)).fullName()).isEqualTo("Siti Aminah");
    }
}
