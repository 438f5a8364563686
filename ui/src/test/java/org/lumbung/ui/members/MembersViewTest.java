package org.lumbung.ui.members;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.members.Member;
import org.lumbung.members.MemberFilter;
import org.lumbung.members.MemberService;
import org.lumbung.members.NationalIdKind;
import org.lumbung.members.NewMember;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.savings.SavingsKind;
import org.lumbung.savings.SavingsService;
import org.lumbung.savings.NewTimeDeposit;
import org.lumbung.savings.SavingsProducts;
import org.lumbung.savings.SavingsTransaction;
import org.lumbung.savings.TimeDepositPayout;
import org.lumbung.ui.KaribuTest;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.ui.components.AmountField;
import org.lumbung.ui.i18n.Formats;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class MembersViewTest extends KaribuTest {

    @Autowired
    CooperativeService cooperatives;
    @Autowired
    MemberService members;
    @Autowired
    SavingsService savings;
    @Autowired
    SavingsProducts savingsProducts;
    @Autowired
    java.time.Clock clock;
    @Autowired
    org.lumbung.security.UserService users;

    @Test
    @SuppressWarnings("unchecked")
    void aMemberRegisteredInTheDialogIsFoundByAMisspelledName() {
        signIn("treasurer");
        long coop = cooperatives.byCode("ngrupit").id();
        int before = members.count(coop, MemberFilter.ALL);
        UI.getCurrent().navigate(MembersView.class);
        Grid<Member> grid = _get(Grid.class, spec -> spec.withId("members-grid"));
        assertThat(_size(grid)).isEqualTo(before);

        _click(_get(Button.class, spec -> spec.withId("new-member")));
        _setValue(_get(TextField.class, spec -> spec.withId("member-name")), "Kasmirah Wulandarisih");
        _setValue((Select<String>) _get(Select.class, spec -> spec.withId("member-gender")), "F");
        _setValue((Select<NationalIdKind>) _get(Select.class, spec -> spec.withId("member-id-kind")), NationalIdKind.NONE);
        _setValue(_get(TextField.class, spec -> spec.withId("member-village")), "Wates");
        _setValue(_get(TextField.class, spec -> spec.withId("member-phone")), "0812-7788-9900");
        _click(_get(Button.class, spec -> spec.withId("save-member")));

        assertThat(members.count(coop, MemberFilter.ALL)).isEqualTo(before + 1);
        assertThat(_size(grid)).isEqualTo(before + 1);
        _setValue(_get(TextField.class, spec -> spec.withId("member-search")), "Kasmira Wulandarsih");
        assertThat(_size(grid)).isPositive();
        assertThat(_get(grid, 0).fullName()).isEqualTo("Kasmirah Wulandarisih");
        assertThat(_get(grid, 0).village()).isEqualTo("Wates");
    }

    @Test
    void aBadNikIsRefusedAndNothingIsRegistered() {
        signIn("treasurer");
        long coop = cooperatives.byCode("ngrupit").id();
        int before = members.count(coop, MemberFilter.ALL);
        UI.getCurrent().navigate(MembersView.class);
        _click(_get(Button.class, spec -> spec.withId("new-member")));
        _setValue(_get(TextField.class, spec -> spec.withId("member-name")), "Painem");
        _setValue((Select<String>) _get(Select.class, spec -> spec.withId("member-gender")), "F");
        _setValue(_get(TextField.class, spec -> spec.withId("member-national-id")), "12345");
        _click(_get(Button.class, spec -> spec.withId("save-member")));
        assertThat(members.count(coop, MemberFilter.ALL)).isEqualTo(before);
        TextField nik = _get(TextField.class, spec -> spec.withId("member-national-id"));
        assertThat(nik.isInvalid()).isTrue();
        assertThat(nik.getErrorMessage()).contains("16 digits");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDepositOnTheMemberPageRaisesTheBalance() {
        signIn("treasurer");
        long coop = cooperatives.byCode("ngrupit").id();
        Member m = members.register(coop, NewMember.basic("Sulastri Setoran", "F", "Ngrupit", null, LocalDate.now().minusDays(3)));
        SavingsAccount voluntary = savings.accounts(coop, m.id()).stream().filter(a -> a.kind() == SavingsKind.VOLUNTARY)
                .findFirst().orElseThrow();
        UI.getCurrent().navigate(MemberView.class, new RouteParameters("memberId", Long.toString(m.id())));
        assertThat(_get(H2.class, spec -> spec.withId("member-title")).getText()).isEqualTo(m.displayNumber() + " · Sulastri Setoran");

        Grid<SavingsAccount> before = _get(Grid.class, spec -> spec.withId("accounts-grid"));
        int row = before.getListDataView().getItems().map(SavingsAccount::id).toList().indexOf(voluntary.id());
        assertThat(row).isNotNegative();
        _click((Button) GridKt._getCellComponent(before, row, "actions").getChildren()
                .filter(c -> c.getId().orElse("").equals("deposit-" + voluntary.id())).findFirst().orElseThrow());
        _setValue(_get(AmountField.class, spec -> spec.withId("movement-amount")), "150000");
        _click(_get(Button.class, spec -> spec.withId("save-movement")));

        assertThat(savings.account(coop, voluntary.id()).balance()).isEqualByComparingTo("150000");
        Grid<SavingsAccount> accounts = _get(Grid.class, spec -> spec.withId("accounts-grid"));
        SavingsAccount shown = accounts.getListDataView().getItems().filter(a -> a.id() == voluntary.id()).findFirst().orElseThrow();
        assertThat(shown.balance()).isEqualByComparingTo(new BigDecimal("150000"));
        Grid<SavingsTransaction> transactions = _get(Grid.class, spec -> spec.withId("transactions-grid"));
        assertThat(_size(transactions)).isEqualTo(1);
        assertThat(_get(transactions, 0).amount()).isEqualByComparingTo("150000");
        assertThat(GridKt._getCellComponent(transactions, 0, "receipt").getId())
                .hasValue("receipt-" + _get(transactions, 0).receiptNumber());
        assertThat(GridKt._getFormattedRow(transactions, 0)).as("who recorded it, by name, not by sign-in")
                .contains(users.displayName("treasurer")).doesNotContain("treasurer");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTimeDepositIsPaidOutWholeWithTheInterestItsQuoteShows() {
        signIn("treasurer");
        long coop = cooperatives.byCode("ngrupit").id();
        LocalDate today = cooperatives.byId(coop).today(clock); // the dialog quotes for the cooperative's day
        Member m = members.register(coop, NewMember.basic("Sulastri Berjangka", "F", "Ngrupit", null, today.minusDays(60)));
        long timeDeposit = savingsProducts.products(coop).stream().filter(p -> p.kind() == SavingsKind.TIME_DEPOSIT)
                .findFirst().orElseThrow().id();
        long account = savings.openTimeDeposit(coop, new NewTimeDeposit(m.id(), timeDeposit, new BigDecimal("2000000"),
                today.minusDays(45), null, org.lumbung.ui.components.Keys.newKey())).transaction().accountId();
        TimeDepositPayout quote = savings.payoutQuote(coop, account, today);
        assertThat(quote.interest()).as("45 days at the product's rate").isPositive();
        UI.getCurrent().navigate(MemberView.class, new RouteParameters("memberId", Long.toString(m.id())));
        Grid<SavingsAccount> grid = _get(Grid.class, spec -> spec.withId("accounts-grid"));
        int row = grid.getListDataView().getItems().map(SavingsAccount::id).toList().indexOf(account);
        _click((Button) GridKt._getCellComponent(grid, row, "actions").getChildren()
                .filter(c -> c.getId().orElse("").equals("withdraw-" + account)).findFirst().orElseThrow());

        assertThat(_get(Paragraph.class, spec -> spec.withId("payout-quote")).getText())
                .contains(Formats.money(quote.interest(), "IDR", Messages.ENGLISH))
                .contains(Formats.money(quote.penalty(), "IDR", Messages.ENGLISH))
                .contains(Formats.money(quote.cash(), "IDR", Messages.ENGLISH));
        assertThat(_get(AmountField.class, spec -> spec.withId("movement-amount")).getAmount())
                .as("the amount to pay out is filled in").isEqualByComparingTo(quote.amount());
        _click(_get(Button.class, spec -> spec.withId("save-movement")));

        SavingsAccount paid = savings.account(coop, account);
        assertThat(paid.active()).isFalse();
        assertThat(paid.balance()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theExitDialogShowsTheInterestUntilTheExitAndPaysItOut() {
        signIn("treasurer");
        long coop = cooperatives.byCode("ngrupit").id();
        LocalDate today = cooperatives.byId(coop).today(clock);
        Member m = members.register(coop, NewMember.basic("Sulastri Pamit", "F", "Ngrupit", null, today.minusDays(90)));
        SavingsAccount voluntary = savings.accounts(coop, m.id()).stream().filter(a -> a.kind() == SavingsKind.VOLUNTARY)
                .findFirst().orElseThrow();
        savings.deposit(coop, new org.lumbung.savings.Movement(voluntary.id(), new BigDecimal("1000000"), today.minusDays(60), null,
                org.lumbung.ui.components.Keys.newKey()));
        UI.getCurrent().navigate(MemberView.class, new RouteParameters("memberId", Long.toString(m.id())));
        _click(_get(Button.class, spec -> spec.withId("exit-member")));

        Grid<SavingsAccount> accounts = _get(Grid.class, spec -> spec.withId("exit-accounts"));
        assertThat(accounts.getColumns()).as("number, product, balance, interest").hasSize(4);
        int row = accounts.getListDataView().getItems().map(SavingsAccount::id).toList().indexOf(voluntary.id());
        assertThat(GridKt._getFormattedRow(accounts, row).get(3)).as("60 days of interest on the voluntary savings")
                .startsWith("IDR ").isNotEqualTo("IDR 0.00");
        _setValue(_get(TextArea.class, spec -> spec.withId("exit-reason")), "pindah ke Malaysia");
        _click(_get(Button.class, spec -> spec.withId("settle-exit")));

        assertThat(members.member(coop, m.id()).status()).isEqualTo(org.lumbung.members.MemberStatus.EXITED);
        assertThat(savings.account(coop, voluntary.id()).balance()).isZero();
        assertThat(savings.transactions(coop, m.id(), 0, 10)).extracting(SavingsTransaction::kind)
                .contains(org.lumbung.savings.TransactionKind.INTEREST, org.lumbung.savings.TransactionKind.EXIT);
    }

    @Test
    void theAuditorSeesTheMemberWithoutCommands() {
        signIn("treasurer");
        long coop = cooperatives.byCode("ngrupit").id();
        Member m = members.byNumber(coop, 2).orElseThrow();
        tearDownVaadin();
        setUpVaadinAgain();
        signIn("auditor");
        UI.getCurrent().navigate(MemberView.class, new RouteParameters("memberId", Long.toString(m.id())));
        assertThat(_get(H2.class, spec -> spec.withId("member-title")).getText()).contains(m.fullName());
        assertThat(_find(Button.class, spec -> spec.withId("exit-member"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("edit-member"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("member-sign-in"))).isEmpty();
    }

    @Test
    void aStatusChangesReasonOverItsLimitIsNamedNotCutAndNothingChanges() {
        signIn("treasurer");
        long coop = cooperatives.byCode("ngrupit").id();
        Member m = members.register(coop, NewMember.basic("Sri Rahayu Panjang", "F", "Ngrupit", null, LocalDate.now().minusDays(3)));
        UI.getCurrent().navigate(MemberView.class, new RouteParameters("memberId", Long.toString(m.id())));
        _click(_get(Button.class, spec -> spec.withId("change-status")));
        TextArea reason = _get(TextArea.class, spec -> spec.withId("status-reason"));
        _click(_get(Button.class, spec -> spec.withId("save-status")));
        assertThat(reason.getErrorMessage()).as("a reason is asked for by name").isEqualTo("This field is required.");

        _setValue(reason, "R".repeat(400));
        _click(_get(Button.class, spec -> spec.withId("save-status")));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("At most 300 characters; this text has 400.");
        assertThat(reason.getValue()).as("not cut").hasSize(400);
        assertThat(members.byNumber(coop, m.memberNumber()).orElseThrow().status()).isEqualTo(m.status());
    }

    /** A new member's voluntary account, with the member page open and its deposit dialog. */
    @SuppressWarnings("unchecked")
    private SavingsAccount openDeposit(long coop, String name) {
        Member m = members.register(coop, NewMember.basic(name, "F", "Ngrupit", null, LocalDate.now().minusDays(3)));
        SavingsAccount voluntary = savings.accounts(coop, m.id()).stream().filter(a -> a.kind() == SavingsKind.VOLUNTARY)
                .findFirst().orElseThrow();
        UI.getCurrent().navigate(MemberView.class, new RouteParameters("memberId", Long.toString(m.id())));
        clickDeposit(voluntary);
        return voluntary;
    }

    @SuppressWarnings("unchecked")
    private static void clickDeposit(SavingsAccount account) {
        Grid<SavingsAccount> grid = _get(Grid.class, spec -> spec.withId("accounts-grid"));
        int row = grid.getListDataView().getItems().map(SavingsAccount::id).toList().indexOf(account.id());
        _click((Button) GridKt._getCellComponent(grid, row, "actions").getChildren()
                .filter(c -> c.getId().orElse("").equals("deposit-" + account.id())).findFirst().orElseThrow());
    }

    @Test
    void theDepositDialogBooksOnlyWhatReadsAsAnAmountInThePersonsLanguage() {
        signIn("treasurer", org.lumbung.platform.i18n.Messages.INDONESIAN);
        long coop = cooperatives.byCode("ngrupit").id();
        SavingsAccount voluntary = openDeposit(coop, "Sulastri Angka");
        AmountField amount = _get(AmountField.class, spec -> spec.withId("movement-amount"));
        for (String typed : List.of("-5", "1e15", "12,34,56", "1,200,000.50", "Rp 5.000", "5.00.000")) {
            _setValue(amount, typed);
            _click(_get(Button.class, spec -> spec.withId("save-movement")));
            assertThat(amount.isInvalid()).as(typed).isTrue();
            assertThat(amount.getErrorMessage()).as(typed).isNotBlank().doesNotStartWith("!");
            assertThat(savings.account(coop, voluntary.id()).balance()).as(typed + " books nothing").isZero();
        }
        _setValue(amount, "-5");
        assertThat(amount.getErrorMessage()).isEqualTo(
                "Ketik jumlah tanpa tanda: arah transaksi (setoran, penarikan, debit, kredit) sudah ditentukan oleh tindakannya.");
        _setValue(amount, "1.200.000,50");
        assertThat(amount.isInvalid()).isFalse();
        assertThat(amount.getHelperText()).isEqualTo("Akan dibukukan sebagai Rp 1.200.000,50");
        _click(_get(Button.class, spec -> spec.withId("save-movement")));
        assertThat(savings.account(coop, voluntary.id()).balance()).isEqualByComparingTo("1200000.50");
    }

    @Test
    void anAmountFarAboveTheAccountsUsualIsBookedOnlyOnceConfirmed() {
        signIn("treasurer");
        long coop = cooperatives.byCode("ngrupit").id();
        SavingsAccount voluntary = openDeposit(coop, "Sulastri Besar");
        // the old field regrouped this into 123,456 and booked it
        _setValue(_get(AmountField.class, spec -> spec.withId("movement-amount")), "12,34,56");
        _click(_get(Button.class, spec -> spec.withId("save-movement")));
        assertThat(_get(AmountField.class, spec -> spec.withId("movement-amount")).getValue()).isEqualTo("12,34,56");
        assertThat(savings.account(coop, voluntary.id()).balance()).isZero();
        _setValue(_get(AmountField.class, spec -> spec.withId("movement-amount")), "150,000");
        _click(_get(Button.class, spec -> spec.withId("save-movement")));
        assertThat(savings.account(coop, voluntary.id()).balance()).isEqualByComparingTo("150000");

        // 100 x the usual 150,000 is 15,000,000: an extra 000 is asked about
        clickDeposit(voluntary);
        _setValue(_get(AmountField.class, spec -> spec.withId("movement-amount")), "150,000,000");
        _click(_get(Button.class, spec -> spec.withId("save-movement")));
        assertThat(savings.account(coop, voluntary.id()).balance()).as("asked first").isEqualByComparingTo("150000");
        assertThat(_get(Button.class, spec -> spec.withId("confirm-yes")).getText()).isEqualTo("Yes, book IDR 150,000,000.00");
        _click(_get(Button.class, spec -> spec.withId("confirm-no")));
        assertThat(savings.account(coop, voluntary.id()).balance()).isEqualByComparingTo("150000");

        _setValue(_get(AmountField.class, spec -> spec.withId("movement-amount")), "1,500,000");
        _click(_get(Button.class, spec -> spec.withId("save-movement")));
        assertThat(_find(Button.class, spec -> spec.withId("confirm-yes"))).as("a usual amount is not asked about").isEmpty();
        assertThat(savings.account(coop, voluntary.id()).balance()).isEqualByComparingTo("1650000");

        clickDeposit(voluntary);
        _setValue(_get(AmountField.class, spec -> spec.withId("movement-amount")), "150,000,000");
        _click(_get(Button.class, spec -> spec.withId("save-movement")));
        _click(_get(Button.class, spec -> spec.withId("confirm-yes")));
        assertThat(savings.account(coop, voluntary.id()).balance()).isEqualByComparingTo("151650000");
    }

    @Test
    void eachMemberFieldSaysWhatIsWrongAndNothingIsCut() {
        signIn("treasurer");
        long coop = cooperatives.byCode("ngrupit").id();
        int before = members.count(coop, MemberFilter.ALL);
        UI.getCurrent().navigate(MembersView.class);
        _click(_get(Button.class, spec -> spec.withId("new-member")));
        TextField name = _get(TextField.class, spec -> spec.withId("member-name"));
        assertThat(name.getMaxLength()).as("a paste arrives whole, to be named, not cut").isGreaterThan(5000);
        _click(_get(Button.class, spec -> spec.withId("save-member")));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Enter the member's full name.");

        _setValue(name, "A".repeat(5000));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("At most 200 characters; this text has 5,000.");
        _setValue(_get(TextField.class, spec -> spec.withId("member-village")), "V".repeat(150));
        _click(_get(Button.class, spec -> spec.withId("save-member")));
        assertThat(_get(TextField.class, spec -> spec.withId("member-village")).getErrorMessage())
                .isEqualTo("At most 100 characters; this text has 150.");
        assertThat(members.count(coop, MemberFilter.ALL)).as("nothing saved, nothing cut").isEqualTo(before);
        assertThat(name.getValue()).hasSize(5000);
    }
}
