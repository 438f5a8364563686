package org.lumbung.savings;

import org.lumbung.ledger.BulkJob;
import org.lumbung.members.MemberStatus;
import org.lumbung.members.NationalIdKind;
import org.lumbung.members.NewMember;
import org.lumbung.reports.MemberStatement;
import org.lumbung.reports.MemberStatements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.members.Member;
import org.lumbung.testsupport.UniqueSuffix;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The product rules, one by one: what is booked, what is refused, and that a refusal changes nothing. */
class SavingsServiceTest extends SavingsTestBase {

    @Autowired
    ReceiptDocument receipts;
    @Autowired
    InterestService interest;
    @Autowired
    org.lumbung.ledger.BulkPosting bulk;
    @Autowired
    org.lumbung.ledger.ChartOfAccounts chart;
    @Autowired
    MemberStatements statements;

    Member siti;

    @BeforeEach
    void setUp() {
        cooperativeWithProducts("sv-" + UniqueSuffix.next());
        siti = member("Siti Aminah", LocalDate.of(2025, 12, 6));
    }

    @Test
    void aBackDatedDepositCountsOnItsOwnDayInTheStatement() {
        SavingsAccount sukarela = account(siti, SavingsKind.VOLUNTARY);
        deposit(sukarela, "100000", JAN_10.plusDays(10));
        deposit(sukarela, "50000", JAN_10);                      // a forgotten deposit, entered afterwards with its own day
        MemberStatement.Section section = statements.statement(coop.id(), siti.id(), JAN_10.plusDays(5), JAN_10.plusDays(20))
                .sections().stream().filter(x -> x.title().endsWith(sukarela.number())).findFirst().orElseThrow();
        assertThat(section.opening()).isEqualByComparingTo("50000");
        assertThat(section.lines()).singleElement().satisfies(l -> {
            assertThat(l.date()).isEqualTo(JAN_10.plusDays(10));
            assertThat(l.in()).isEqualByComparingTo("100000");
            assertThat(l.balance()).isEqualByComparingTo("150000");
        });
        assertThat(section.closing()).isEqualByComparingTo("150000");
    }

    @Test
    void aNewMemberHasShareMandatoryAndVoluntaryAccounts() {
        assertThat(savings.accounts(coop.id(), siti.id())).extracting(SavingsAccount::kind)
                .containsExactly(SavingsKind.SHARE, SavingsKind.MANDATORY, SavingsKind.VOLUNTARY);
        assertThat(account(siti, SavingsKind.SHARE).number()).isEqualTo("3100.00001");
    }

    @Test
    void shareCapitalIsPaidOnceExactlyAndNeverWithdrawnWhileAMember() {
        SavingsAccount share = account(siti, SavingsKind.SHARE);
        refused(() -> deposit(share, "99999.999", JAN_10), "money.amount.too-many-decimals");
        Booked paid = deposit(share, "100000", JAN_10);
        assertThat(paid.balanceAfter()).isEqualByComparingTo("100000");
        refused(() -> deposit(share, "1", JAN_10), "savings.share.over");
        refused(() -> withdraw(share, "1000", JAN_10), "savings.withdrawal.equity");
        refused(() -> withdraw(account(siti, SavingsKind.MANDATORY), "1000", JAN_10), "savings.withdrawal.equity");
        assertThat(balance(share)).isEqualByComparingTo("100000");
    }

    @Test
    void aBatchCountsItsOwnDepositsAgainstTheShareCapital() {
        SavingsAccount share = account(siti, SavingsKind.SHARE);
        refused(() -> savings.depositAll(coop.id(), java.util.List.of(
                new Movement(share.id(), new BigDecimal("60000"), JAN_10, null, key()),
                new Movement(share.id(), new BigDecimal("60000"), JAN_10, null, key()))), "savings.share.over");
        assertThat(balance(share)).isEqualByComparingTo("0");
        assertThat(savings.depositAll(coop.id(), java.util.List.of(
                new Movement(share.id(), new BigDecimal("60000"), JAN_10, null, key()),
                new Movement(share.id(), new BigDecimal("40000"), JAN_10, null, key())))).hasSize(2);
        assertThat(balance(share)).isEqualByComparingTo("100000");
    }

    @Test
    void voluntarySavingsNeverGoBelowTheMinimum() {
        SavingsAccount sukarela = account(siti, SavingsKind.VOLUNTARY);
        deposit(sukarela, "50000", JAN_10);
        refused(() -> withdraw(sukarela, "40001", JAN_10), "savings.withdrawal.minimum");
        assertThatThrownBy(() -> withdraw(sukarela, "40001", JAN_10)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(Messages.of(e, Messages.INDONESIAN)).as("amounts the reader's way")
                    .isEqualTo("Saldo Rp 50.000,00 harus tetap paling sedikit saldo minimum Rp 10.000,00.");
            assertThat(Messages.of(e, Messages.ENGLISH)).isEqualTo("The balance IDR 50,000.00 must stay at or above the minimum of IDR 10,000.00.");
        });
        assertThat(balance(sukarela)).isEqualByComparingTo("50000");
        assertThat(withdraw(sukarela, "40000", JAN_10).balanceAfter()).isEqualByComparingTo("10000");
        refused(() -> savings.chargeFee(coop.id(), new Movement(sukarela.id(), new BigDecimal("10001"), JAN_10, "passbook", key())),
                "savings.balance.insufficient");
    }

    @Test
    void receiptNumbersAreGaplessAndASecondSaveOfTheSameFormBooksOnce() {
        SavingsAccount sukarela = account(siti, SavingsKind.VOLUNTARY);
        String key = key();
        Booked first = savings.deposit(coop.id(), new Movement(sukarela.id(), new BigDecimal("75000"), JAN_10, "kiriman HK", key));
        Booked again = savings.deposit(coop.id(), new Movement(sukarela.id(), new BigDecimal("75000"), JAN_10, "kiriman HK", key));
        assertThat(again.transaction().receiptNumber()).isEqualTo(first.transaction().receiptNumber());
        assertThat(balance(sukarela)).isEqualByComparingTo("75000");
        refused(() -> deposit(sukarela, "-5", JAN_10), "money.amount.not-positive");
        Booked next = deposit(account(siti, SavingsKind.MANDATORY), "25000", JAN_10);
        assertThat(next.transaction().receiptNumber()).isEqualTo(first.transaction().receiptNumber() + 1);
        assertThat(savings.transactions(coop.id(), siti.id(), 0, 10)).hasSize(2);
    }

    @Test
    void aTransferPaysMandatoryDuesFromVoluntarySavings() {
        SavingsAccount sukarela = account(siti, SavingsKind.VOLUNTARY);
        SavingsAccount wajib = account(siti, SavingsKind.MANDATORY);
        deposit(sukarela, "100000", JAN_10);
        Booked moved = savings.transfer(coop.id(), new Transfer(sukarela.id(), wajib.id(), new BigDecimal("50000"), JAN_10, null, key()));
        assertThat(moved.transaction().counterAccountNumber()).isEqualTo(wajib.number());
        assertThat(balance(sukarela)).isEqualByComparingTo("50000");
        assertThat(balance(wajib)).isEqualByComparingTo("50000");
        refused(() -> savings.transfer(coop.id(), new Transfer(wajib.id(), sukarela.id(), BigDecimal.TEN, JAN_10, null, key())),
                "savings.transfer.from-voluntary");
        Member other = member("Sri Wahyuni", JAN_10);
        refused(() -> savings.transfer(coop.id(), new Transfer(sukarela.id(), account(other, SavingsKind.VOLUNTARY).id(),
                BigDecimal.TEN, JAN_10, null, key())), "savings.transfer.other-member");
    }

    @Test
    void aTimeDepositPaidOutEarlyKeepsThePenaltyAndClosesTheAccount() {
        String openingKey = key();
        Booked opened = savings.openTimeDeposit(coop.id(), new NewTimeDeposit(siti.id(), product.get(SavingsKind.TIME_DEPOSIT).id(),
                new BigDecimal("5000000"), JAN_10, null, openingKey));
        SavingsAccount td = savings.account(coop.id(), opened.transaction().accountId());
        assertThat(td.number()).isEqualTo("2200.00001-01");
        assertThat(td.maturityOn()).isEqualTo(JAN_10.plusMonths(12));
        refused(() -> deposit(td, "1000", JAN_10), "savings.deposit.time-deposit");
        refused(() -> withdraw(td, "1000", JAN_10), "savings.time-deposit.whole");
        LocalDate mar10 = LocalDate.of(2026, 3, 10);
        // 6 % a year on daily balances, no run posted yet: January's 22 days 18,082.19, February's 28 days on 5,018,082.19
        // 23,096.93, March's 9 days before the payout on 5,041,179.12 7,458.18: each period rounded and credited as its
        // run would have done
        TimeDepositPayout quote = savings.payoutQuote(coop.id(), td.id(), mar10);
        assertThat(quote.interest()).isEqualByComparingTo("48637.30");
        assertThat(quote.amount()).isEqualByComparingTo("5048637.30");
        assertThat(quote.penalty()).isEqualByComparingTo("50000.00");
        assertThat(quote.cash()).isEqualByComparingTo("4998637.30");
        refused(() -> withdraw(td, "5000000", mar10), "savings.time-deposit.whole");
        assertThat(balance(td)).as("a refused payout books no interest either").isEqualByComparingTo("5000000");

        String payoutKey = key();
        Booked paid = savings.withdraw(coop.id(), new Movement(td.id(), new BigDecimal("5048637.30"), mar10, null, payoutKey));
        assertThat(paid.warnings()).singleElement().satisfies(w -> assertThat(w.messageKey()).isEqualTo("savings.time-deposit.penalty"));
        assertThat(paid.warnings().get(0).arguments().get(0)).isEqualTo("50000.00");
        assertThat(savings.account(coop.id(), td.id()).active()).isFalse();
        assertThat(balance(td)).isEqualByComparingTo("0");
        assertThat(savings.transactions(coop.id(), siti.id(), 0, 10)).filteredOn(t -> t.accountId() == td.id())
                .extracting(SavingsTransaction::kind, SavingsTransaction::amount)
                .containsExactlyInAnyOrder(tuple(TransactionKind.OPENING, new BigDecimal("5000000.00")),
                        tuple(TransactionKind.INTEREST, new BigDecimal("48637.30")),
                        tuple(TransactionKind.WITHDRAWAL, new BigDecimal("5048637.30")));
        assertThat(chart.account(coop.id(), "5200").balance()).isEqualByComparingTo("48637.30");
        refused(() -> withdraw(td, "1", JAN_10), "savings.account.closed");
        // the answer was lost and the payout is sent again: the first one answers, nothing is booked twice
        Booked again = savings.withdraw(coop.id(), new Movement(td.id(), new BigDecimal("5048637.30"), mar10, null, payoutKey));
        assertThat(again.replayed()).isTrue();
        assertThat(again.transaction().receiptNumber()).isEqualTo(paid.transaction().receiptNumber());
        refused(() -> savings.withdraw(coop.id(), new Movement(td.id(), BigDecimal.ONE, mar10, null, payoutKey)),
                "savings.key.used-elsewhere");
        refused(() -> savings.withdraw(coop.id(), new Movement(td.id(), new BigDecimal("5048637.30"), mar10.minusDays(1), null,
                payoutKey)), "savings.key.used-elsewhere");
        refused(() -> savings.withdraw(coop.id(), new Movement(td.id(), new BigDecimal("5000000"), JAN_10, null,
                openingKey)), "savings.key.used-elsewhere"); // the opening's key: no withdrawal was booked under it
        assertThat(chart.account(coop.id(), "5200").balance()).isEqualByComparingTo("48637.30");
    }

    @Test
    void aTimeDepositPaidOutEarnsOnlyThePeriodsNoRunPaidAndLaterRunsSkipIt() {
        long timeDeposit = product.get(SavingsKind.TIME_DEPOSIT).id();
        SavingsAccount td = savings.account(coop.id(), savings.openTimeDeposit(coop.id(), new NewTimeDeposit(siti.id(), timeDeposit,
                new BigDecimal("5000000"), JAN_10, null, key())).transaction().accountId());
        assertThat(interest.post(coop.id(), timeDeposit, LocalDate.of(2026, 1, 31)).total()).isEqualByComparingTo("18082.19");
        LocalDate mar10 = LocalDate.of(2026, 3, 10);
        // February's 28 days on 5,018,082.19 and March's 9 on 5,041,179.12: 23,096.93 + 7,458.18; January is the run's
        TimeDepositPayout quote = savings.payoutQuote(coop.id(), td.id(), mar10);
        assertThat(quote.balance()).isEqualByComparingTo("5018082.19");
        assertThat(quote.interest()).isEqualByComparingTo("30555.11");
        withdraw(td, quote.amount().toPlainString(), mar10);

        assertThat(interest.post(coop.id(), timeDeposit, LocalDate.of(2026, 2, 28)).lines()).as("February was paid at the payout")
                .isEmpty();
        assertThat(chart.account(coop.id(), "5200").balance()).isEqualByComparingTo("48637.30");
        refused(() -> savings.payoutQuote(coop.id(), account(siti, SavingsKind.VOLUNTARY).id(), mar10), "savings.time-deposit.not");
    }

    @Test
    void anAccountClosedOnAPeriodsLastDayIsNoLineOfThatPeriodsRun() {
        long timeDeposit = product.get(SavingsKind.TIME_DEPOSIT).id();
        SavingsAccount td = savings.account(coop.id(), savings.openTimeDeposit(coop.id(), new NewTimeDeposit(siti.id(), timeDeposit,
                new BigDecimal("5000000"), JAN_10, null, key())).transaction().accountId());
        LocalDate jan31 = LocalDate.of(2026, 1, 31);
        withdraw(td, savings.payoutQuote(coop.id(), td.id(), jan31).amount().toPlainString(), jan31);

        InterestRun january = interest.post(coop.id(), timeDeposit, jan31);
        assertThat(january.lines()).as("the closing's interest, dated the 31st, is not the run's").isEmpty();
        assertThat(january.total()).isZero();
    }

    @Test
    void noAccountClosesWhileAnInterestRunOfItsProductIsUnfinished() {
        long timeDeposit = product.get(SavingsKind.TIME_DEPOSIT).id();
        SavingsAccount td = savings.account(coop.id(), savings.openTimeDeposit(coop.id(), new NewTimeDeposit(siti.id(), timeDeposit,
                new BigDecimal("5000000"), JAN_10, null, key())).transaction().accountId());
        LocalDate jan31 = LocalDate.of(2026, 1, 31);
        // January's run stopped half-way (a crash): it read its accounts when it started and pays them when resumed
        assertThatThrownBy(() -> bulk.run(new BulkJob(coop.id(), "interest:" + timeDeposit + ":" + jan31, "INTEREST",
                BulkJob.Mode.ALL_OR_NOTHING, 1), job -> {
            throw new IllegalStateException("the server stopped");
        })).isInstanceOf(IllegalStateException.class);
        LocalDate mar10 = LocalDate.of(2026, 3, 10);
        refused(() -> savings.payoutQuote(coop.id(), td.id(), mar10), "savings.interest.run-unfinished");
        refused(() -> withdraw(td, "5048637.30", mar10), "savings.interest.run-unfinished");
        assertThat(savings.account(coop.id(), td.id()).active()).isTrue();

        interest.post(coop.id(), timeDeposit, jan31);
        assertThat(savings.payoutQuote(coop.id(), td.id(), mar10).interest()).as("January is the run's").isEqualByComparingTo("30555.11");
    }

    @Test
    void equityAboveTwentyPercentOfOwnCapitalIsBookedWithAWarning() {
        Booked share = deposit(account(siti, SavingsKind.SHARE), "100000", JAN_10);
        // Siti is the only member: her share is all of modal sendiri
        assertThat(share.warnings()).singleElement().satisfies(w -> {
            assertThat(w.messageKey()).isEqualTo("savings.equity.over-limit");
            assertThat(w.arguments()).containsExactly("100.0", "20");
        });
        for (int i = 0; i < 5; i++) {
            deposit(account(member("Anggota " + i, JAN_10), SavingsKind.SHARE), "100000", JAN_10);
        }
        assertThat(deposit(account(siti, SavingsKind.MANDATORY), "10000", JAN_10).warnings()).isEmpty();
    }

    @Test
    void aReceiptIsAPdfInTheMembersLanguage() throws Exception {
        Booked paid = deposit(account(siti, SavingsKind.VOLUNTARY), "1250000", JAN_10);
        byte[] pdf = receipts.pdf(coop.id(), paid.transaction().receiptNumber());
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        // Siti reads Bahasa Indonesia: the receipt's own words are hers, with her name and number on it
        String indonesian = text(pdf);
        assertThat(indonesian).contains("Kuitansi simpanan", "Siti Aminah", "Setoran").doesNotContain("Savings receipt");

        Member maria = members.register(coop.id(), new NewMember("Maria Tan", "F", NationalIdKind.NONE, null, null, "Ngrupit",
                null, null, null, null, "en", LocalDate.of(2025, 12, 6), MemberStatus.ACTIVE));
        Booked hers = deposit(account(maria, SavingsKind.VOLUNTARY), "50000", JAN_10);
        assertThat(text(receipts.pdf(coop.id(), hers.transaction().receiptNumber())))
                .contains("Savings receipt", "Maria Tan", "Deposit").doesNotContain("Kuitansi simpanan");
        refused(() -> receipts.pdf(coop.id(), 999), "savings.receipt.not-found");
    }

    /** The text of the receipt's page, as a reader (or a screen reader) gets it. */
    private static String text(byte[] pdf) throws java.io.IOException {
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        try {
            return new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
        } finally {
            reader.close();
        }
    }

    @Test
    void valueDatesInTheFutureAreRefused() {
        refused(() -> deposit(account(siti, SavingsKind.VOLUNTARY), "1000", LocalDate.now().plusDays(3)), "savings.value-date.future");
    }
}
