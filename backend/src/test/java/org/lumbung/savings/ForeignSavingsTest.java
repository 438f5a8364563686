package org.lumbung.savings;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.fx.ExchangeRateService;
import org.lumbung.fx.ForeignCurrencyAccounts;
import org.lumbung.fx.FxTrading;
import org.lumbung.fx.NewRate;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.members.Member;
import org.lumbung.testsupport.UniqueSuffix;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ringgit savings: a product in MYR on 2150.MYR, deposits into the MYR cash box, interest through the MYR position at
 * the rate of the period's end. The worked example is InterestDuesExitTest's in ringgit: MYR 1,000.00 from 31 May and
 * 500.00 more from 16 June at 3 % a year on the daily balance give MYR 3.08 of interest for June; at 3,550.00 rupiah
 * that is an expense of Rp 10,934.00.
 */
class ForeignSavingsTest extends SavingsTestBase {

    static final LocalDate JUNE_30 = LocalDate.of(2026, 6, 30);

    @Autowired
    InterestService interest;
    @Autowired
    ForeignCurrencyAccounts fx;
    @Autowired
    FxTrading trading;
    @Autowired
    ExchangeRateService rates;
    @Autowired
    ChartOfAccounts chart;
    @Autowired
    ExitService exits;

    SavingsProduct ringgit;
    SavingsAccount account;

    @BeforeEach
    void ringgitSavings() {
        cooperativeWithProducts("fsv" + UniqueSuffix.next());
        Member siti = member("Siti Aminah", LocalDate.of(2026, 5, 2));
        ringgit = products.create(coop.id(), new NewSavingsProduct("SUKARELA-MYR", "Voluntary savings in ringgit",
                "Simpanan Sukarela Ringgit", SavingsKind.VOLUNTARY, "MYR", fx.savings(coop.id(), "MYR").code(), null, null,
                BigDecimal.ZERO, new BigDecimal("3"), InterestMethod.DAILY_BALANCE, InterestPosting.MONTHLY, null, null));
        account = savings.openAccount(coop.id(), siti.id(), ringgit.id(), LocalDate.of(2026, 5, 2));
        deposit(account, "1000.00", LocalDate.of(2026, 5, 31));
        deposit(account, "500.00", LocalDate.of(2026, 6, 16));
    }

    @Test
    void interestOnRinggitSavingsIsARupiahExpenseAtThePeriodEndsRateThroughThePosition() {
        // Friday's rate serves the Tuesday 30 June lookup as well as any later day
        rates.record(coop.id(), List.of(new NewRate("MYR", LocalDate.of(2026, 6, 26), new BigDecimal("3550.00"), "BANK_INDONESIA")));

        // shown in both currencies: the ringgit and their value at the latest rate, with its date
        assertThat(savings.valueToday(coop.id(), savings.account(coop.id(), account.id()))).hasValueSatisfying(v -> {
            assertThat(v.value()).isEqualByComparingTo("5325000.00");
            assertThat(v.currency()).isEqualTo("IDR");
            assertThat(v.rateDate()).isEqualTo(LocalDate.of(2026, 6, 26));
        });
        assertThat(savings.valueToday(coop.id(), account(savings.account(coop.id(), account.id()).memberId()))).isEmpty();

        InterestRun run = interest.post(coop.id(), ringgit.id(), JUNE_30);

        assertThat(run.total()).isEqualByComparingTo("3.08");
        assertThat(balance(account)).isEqualByComparingTo("1503.08");
        assertThat(chart.account(coop.id(), "5200").balance()).as("the expense in rupiah").isEqualByComparingTo("10934.00");
        assertThat(chart.account(coop.id(), "1150.MYR").balance()).isEqualByComparingTo("1500.00");
        // the cooperative now owes 3.08 ringgit more than it holds, at a cost of −10,934.00
        assertThat(trading.position(coop.id(), "MYR").held()).isEqualByComparingTo("-3.08");
        assertThat(trading.position(coop.id(), "MYR").cost()).isEqualByComparingTo("-10934.00");
        assertThat(savings.transactions(coop.id(), account.memberId(), 0, 10)).first()
                .satisfies(t -> assertThat(t.kind()).isEqualTo(TransactionKind.INTEREST));

        assertThat(interest.post(coop.id(), ringgit.id(), JUNE_30).alreadyPosted()).isTrue();
        assertThat(balance(account)).isEqualByComparingTo("1503.08");
    }

    private SavingsAccount account(long memberId) {
        return savings.accounts(coop.id(), memberId).stream().filter(a -> a.currency().equals("IDR")).findFirst().orElseThrow();
    }

    @Test
    void aFeeOnARinggitAccountIsRefusedWithAMessageAndChangesNothing() {
        refused(() -> savings.chargeFee(coop.id(), new Movement(account.id(), new BigDecimal("5.00"), LocalDate.of(2026, 6, 30),
                "passbook", key())), "savings.fee.currency");
        assertThat(savings.account(coop.id(), account.id()).balance()).isEqualByComparingTo("1500.00");
    }

    @Test
    void anEmptyRinggitAccountIsClosedAtTheExitAndOneWithMoneyRefusesIt() {
        Member dewi = member("Dewi Lestari", LocalDate.of(2026, 5, 2));
        // her ringgit account was opened with her membership, and never used
        SavingsAccount empty = savings.accounts(coop.id(), dewi.id()).stream().filter(a -> a.product().id() == ringgit.id())
                .findFirst().orElseThrow();
        exits.settle(coop.id(), dewi.id(), LocalDate.of(2026, 7, 1), "pindah ke Surabaya", key());
        assertThat(savings.account(coop.id(), empty.id()).active()).isFalse();
        // Siti's 1,500 ringgit must be paid out or sold first: the refund is in rupiah cash
        refused(() -> exits.settle(coop.id(), account.memberId(), LocalDate.of(2026, 7, 1), "pindah", key()),
                "savings.exit.currencies");
    }

    @Test
    void withoutARateByThePeriodsEndTheRunIsRefusedAndBooksNothing() {
        refused(() -> interest.post(coop.id(), ringgit.id(), JUNE_30), "savings.interest.no-rate");
        assertThat(balance(account)).isEqualByComparingTo("1500.00");
        assertThat(chart.account(coop.id(), "5200").postingCount()).isZero();
    }
}
