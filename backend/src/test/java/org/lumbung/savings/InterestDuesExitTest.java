package org.lumbung.savings;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.members.Member;
import org.lumbung.members.MemberStatus;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.testsupport.UniqueSuffix;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Interest runs, mandatory dues arrears and the exit settlement, against the ledger. */
class InterestDuesExitTest extends SavingsTestBase {

    @Autowired
    InterestService interest;
    @Autowired
    DuesService dues;
    @Autowired
    ExitService exits;
    @Autowired
    ChartOfAccounts chart;
    @Autowired
    LedgerService ledger;

    @BeforeEach
    void setUp() {
        cooperativeWithProducts("ide-" + UniqueSuffix.next());
    }

    @Test
    void interestIsPostedOncePerPeriodAsTheWorkedExampleSays() {
        Member siti = member("Siti Aminah", LocalDate.of(2026, 5, 2));
        SavingsAccount sukarela = account(siti, SavingsKind.VOLUNTARY);
        deposit(sukarela, "1000000", LocalDate.of(2026, 5, 31));
        deposit(sukarela, "500000", LocalDate.of(2026, 6, 16));
        long sukarelaProduct = product.get(SavingsKind.VOLUNTARY).id();
        LocalDate june30 = LocalDate.of(2026, 6, 30);

        InterestRun preview = interest.preview(coop.id(), sukarelaProduct, june30);
        assertThat(preview.posted()).isFalse();
        assertThat(preview.lines()).singleElement().satisfies(l -> assertThat(l.interest()).isEqualByComparingTo("3082.19"));
        InterestRun run = interest.post(coop.id(), sukarelaProduct, june30);
        assertThat(run.total()).isEqualByComparingTo("3082.19");
        assertThat(balance(sukarela)).isEqualByComparingTo("1503082.19");

        InterestRun again = interest.post(coop.id(), sukarelaProduct, june30);
        assertThat(again.alreadyPosted()).isTrue();
        assertThat(again.total()).isEqualByComparingTo("3082.19");
        assertThat(balance(sukarela)).isEqualByComparingTo("1503082.19");
        assertThat(chart.account(coop.id(), "5200").balance()).isEqualByComparingTo("3082.19");

        refused(() -> interest.post(coop.id(), sukarelaProduct, LocalDate.of(2026, 6, 29)), "savings.interest.period-end.MONTHLY");
        // the treasurer reads the posting frequency in her language, never the enum's name
        assertThatThrownBy(() -> interest.post(coop.id(), sukarelaProduct, LocalDate.of(2026, 6, 29)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(Messages.of(e, Messages.INDONESIAN)).isEqualTo(
                            "Jasa produk ini dibukukan bulanan: periodenya berakhir pada hari terakhir bulan, dan 2026-06-29 bukan hari itu.");
                    assertThat(Messages.of(e, Messages.ENGLISH)).isEqualTo(
                            "This product posts interest monthly: the period ends on the last day of a month, and 2026-06-29 is not one.");
                });
        refused(() -> interest.post(coop.id(), product.get(SavingsKind.SHARE).id(), june30), "savings.interest.none");
    }

    @Test
    void arrearsCountEveryMonthFromJoiningLessWhatWasPaid() {
        Member paysAll = member("Lestari", LocalDate.of(2026, 1, 3));
        Member behind = member("Tumini", LocalDate.of(2026, 1, 3));
        LocalDate asOf = LocalDate.of(2026, 4, 15);
        for (int month = 1; month <= 4; month++) {
            deposit(account(paysAll, SavingsKind.MANDATORY), "25000", LocalDate.of(2026, month, 3));
        }
        deposit(account(behind, SavingsKind.MANDATORY), "25000", LocalDate.of(2026, 1, 3));
        // paid after the date asked: not counted
        deposit(account(behind, SavingsKind.MANDATORY), "25000", LocalDate.of(2026, 5, 2));

        List<DuesArrears> arrears = dues.arrears(coop.id(), asOf);
        // by the last day of the month (the default): January to March have fallen due on 15 April, April not yet
        assertThat(arrears).singleElement().satisfies(a -> {
            assertThat(a.memberId()).isEqualTo(behind.id());
            assertThat(a.monthsDue()).isEqualTo(3);
            assertThat(a.due()).isEqualByComparingTo("75000");
            assertThat(a.paid()).isEqualByComparingTo("25000");
            assertThat(a.arrears()).isEqualByComparingTo("50000");
            assertThat(a.monthsBehind()).isEqualTo(2);
        });
        // on 1 May April is late too; the one who paid every month is not behind on the first of the month
        assertThat(dues.arrears(coop.id(), LocalDate.of(2026, 5, 1))).extracting(DuesArrears::memberId, DuesArrears::monthsBehind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(behind.id(), 3));
        assertThat(dues.arrears(coop.id(), LocalDate.of(2026, 4, 30))).extracting(DuesArrears::monthsBehind).containsExactly(2);
    }

    @Test
    void aMemberRegisteredTodayIsNotBehindAndTheCooperativesDueDayDecides() {
        Member today = member("Baru Daftar", LocalDate.of(2026, 12, 1));
        assertThat(dues.arrears(coop.id(), LocalDate.of(2026, 12, 1))).extracting(DuesArrears::memberId).doesNotContain(today.id());
        assertThat(dues.arrears(coop.id(), LocalDate.of(2027, 1, 1))).extracting(DuesArrears::memberId).contains(today.id());
        assertThat(dues.rule(coop.id())).isEqualTo(new DuesRule(DuesRule.LAST_DAY));
        var c = cooperatives.byId(coop.id());
        cooperatives.updateProfile(c.id(), new org.lumbung.cooperative.CooperativeProfile(c.name(), c.legalNumber(), c.address(),
                c.village(), c.district(), c.province(), c.contactPhone(), c.contactEmail(), c.fiscalYearStart(),
                c.defaultLocale(), 10, c.foundedOn()));
        // by the 10th: joined on 1 December, she owes December by 10 December
        assertThat(dues.arrears(coop.id(), LocalDate.of(2026, 12, 10))).extracting(DuesArrears::memberId).doesNotContain(today.id());
        assertThat(dues.arrears(coop.id(), LocalDate.of(2026, 12, 11))).extracting(DuesArrears::memberId).contains(today.id());
    }

    @Test
    void exitRefundsSavingsLessWhatIsOwedClosesTheAccountsAndKeepsTheHistory() {
        Member sumarno = member("Sumarno", LocalDate.of(2026, 1, 3));
        deposit(account(sumarno, SavingsKind.SHARE), "100000", LocalDate.of(2026, 1, 3));
        deposit(account(sumarno, SavingsKind.MANDATORY), "75000", LocalDate.of(2026, 3, 7));
        deposit(account(sumarno, SavingsKind.VOLUNTARY), "300000", LocalDate.of(2026, 3, 7));
        // a loan in his name (what the loans feature will book): 250,000 still owed
        String loan = chart.memberAccount(coop.id(), "1300", sumarno.id(), sumarno.memberNumber(), sumarno.fullName()).code();
        ledger.post(new PostingRequest(coop.id(), key(), LocalDate.of(2026, 3, 7), "loan", "MANUAL", null,
                List.of(PostingLine.debit(loan, new BigDecimal("250000")), PostingLine.credit("1100", new BigDecimal("250000"))), "t"));
        // the cash the interest is paid from: the refund is more than the member brought in
        ledger.post(new PostingRequest(coop.id(), key(), LocalDate.of(2026, 1, 3), "cash", "MANUAL", null,
                List.of(PostingLine.debit("1100", new BigDecimal("10000")), PostingLine.credit("4400", new BigDecimal("10000"))), "t"));
        LocalDate on = LocalDate.of(2026, 8, 1);
        // March's interest is the run's (25 days at 3 %: 616.44); April to July are paid at the exit, each month on the
        // balance with the months before it credited, as runs would have: 741.25 + 767.84 + 744.97 + 771.70
        interest.post(coop.id(), product.get(SavingsKind.VOLUNTARY).id(), LocalDate.of(2026, 3, 31));

        ExitSettlement preview = exits.preview(coop.id(), sumarno.id(), on);
        assertThat(preview.interest()).singleElement().satisfies(l -> assertThat(l.interest()).isEqualByComparingTo("3025.76"));
        assertThat(preview.savings()).isEqualByComparingTo("478642.20");
        assertThat(preview.owed()).isEqualByComparingTo("250000");
        assertThat(preview.refund()).isEqualByComparingTo("228642.20");

        exits.settle(coop.id(), sumarno.id(), on, "pindah ke Surabaya", key());
        assertThat(members.member(coop.id(), sumarno.id()).status()).isEqualTo(MemberStatus.EXITED);
        assertThat(savings.accounts(coop.id(), sumarno.id())).allSatisfy(a -> {
            assertThat(a.active()).isFalse();
            assertThat(a.balance()).isEqualByComparingTo("0");
        });
        assertThat(chart.account(coop.id(), loan).balance()).isEqualByComparingTo("0");
        assertThat(chart.account(coop.id(), "5200").balance()).isEqualByComparingTo("3642.20");
        assertThat(savings.transactions(coop.id(), sumarno.id(), 0, 50)).filteredOn(t -> t.kind() == TransactionKind.INTEREST)
                .extracting(SavingsTransaction::amount).containsExactlyInAnyOrder(new BigDecimal("616.44"), new BigDecimal("3025.76"));
        assertThat(savings.transactions(coop.id(), sumarno.id(), 0, 50)).filteredOn(t -> t.kind() == TransactionKind.EXIT).hasSize(3);
        refused(() -> deposit(account(sumarno, SavingsKind.VOLUNTARY), "1000", on), "savings.account.closed");
    }

    @Test
    void aTimeDepositNotYetMaturedAtTheExitKeepsItsPenaltyAsAtTheCounter() {
        Member tini = member("Tini", LocalDate.of(2026, 1, 3));
        savings.openTimeDeposit(coop.id(), new NewTimeDeposit(tini.id(), product.get(SavingsKind.TIME_DEPOSIT).id(),
                new BigDecimal("5000000"), JAN_10, null, key()));
        String feeIncome = chart.code(coop.id(), SavingsAccountRole.FEE_INCOME);
        BigDecimal feesBefore = chart.account(coop.id(), feeIncome).balance();
        LocalDate on = LocalDate.of(2026, 3, 10);

        // the interest no run paid (48,637.30, as a payout that day), less 1 % of the principal: the product's penalty
        ExitSettlement preview = exits.preview(coop.id(), tini.id(), on);
        assertThat(preview.savings()).isEqualByComparingTo("5048637.30");
        assertThat(preview.penalties()).singleElement().satisfies(p -> assertThat(p.amount()).isEqualByComparingTo("50000"));
        assertThat(preview.refund()).isEqualByComparingTo("4998637.30");

        exits.settle(coop.id(), tini.id(), on, "pindah ke Hong Kong", key());
        assertThat(chart.account(coop.id(), feeIncome).balance().subtract(feesBefore)).isEqualByComparingTo("50000");
        assertThat(savings.accounts(coop.id(), tini.id())).allSatisfy(a -> assertThat(a.balance()).isZero());
    }

    @Test
    void theExitsRefusalCountsThePenaltyWithWhatIsOwed() {
        Member tini = member("Tini Utang", LocalDate.of(2026, 1, 3));
        savings.openTimeDeposit(coop.id(), new NewTimeDeposit(tini.id(), product.get(SavingsKind.TIME_DEPOSIT).id(),
                new BigDecimal("5000000"), JAN_10, null, key()));
        String loan = chart.memberAccount(coop.id(), "1300", tini.id(), tini.memberNumber(), tini.fullName()).code();
        ledger.post(new PostingRequest(coop.id(), key(), JAN_10, "loan", "MANUAL", null,
                List.of(PostingLine.debit(loan, new BigDecimal("5020000")), PostingLine.credit("4400", new BigDecimal("5020000"))), "t"));
        // 5,048,637.30 saved covers the 5,020,000 owed, but not with the 50,000 penalty kept from the time deposit
        assertThatThrownBy(() -> exits.settle(coop.id(), tini.id(), LocalDate.of(2026, 3, 10), "keluar", key()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("savings.exit.debt");
                    assertThat(e.arguments()).startsWith("5070000.00", "5048637.30");
                });
        assertThat(members.member(coop.id(), tini.id()).status()).isEqualTo(MemberStatus.ACTIVE);
    }

    @Test
    void exitIsRefusedWhileTheDebtIsLargerThanTheSavings() {
        Member m = member("Parni", LocalDate.of(2026, 1, 3));
        deposit(account(m, SavingsKind.SHARE), "100000", LocalDate.of(2026, 1, 3));
        String loan = chart.memberAccount(coop.id(), "1300", m.id(), m.memberNumber(), m.fullName()).code();
        ledger.post(new PostingRequest(coop.id(), key(), LocalDate.of(2026, 1, 3), "loan", "MANUAL", null,
                List.of(PostingLine.debit(loan, new BigDecimal("90000")), PostingLine.credit("1100", new BigDecimal("90000"))), "t"));
        ledger.post(new PostingRequest(coop.id(), key(), LocalDate.of(2026, 1, 4), "loan", "MANUAL", null,
                List.of(PostingLine.debit(loan, new BigDecimal("10001")), PostingLine.credit("4400", new BigDecimal("10001"))), "t"));
        refused(() -> exits.settle(coop.id(), m.id(), LocalDate.of(2026, 2, 1), "keluar", key()), "savings.exit.debt");
        assertThat(members.member(coop.id(), m.id()).status()).isEqualTo(MemberStatus.ACTIVE);
    }
}
