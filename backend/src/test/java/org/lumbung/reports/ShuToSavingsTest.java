package org.lumbung.reports;

import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.members.NewMember;
import org.lumbung.savings.DepositSource;
import org.lumbung.savings.InterestMethod;
import org.lumbung.savings.InterestPosting;
import org.lumbung.savings.Movement;
import org.lumbung.savings.NewSavingsProduct;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.savings.SavingsKind;
import org.lumbung.savings.SavingsProducts;
import org.lumbung.savings.SavingsService;
import org.lumbung.savings.SavingsTransaction;
import org.lumbung.testsupport.DatabaseTest;
import org.lumbung.testsupport.UniqueSuffix;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SHU credited to voluntary savings stands on each member's savings statement, as a deposit from the SHU. */
class ShuToSavingsTest extends DatabaseTest {

    @Autowired
    SavingsProducts products;
    @Autowired
    SavingsService savings;
    @Autowired
    MemberService members;
    @Autowired
    LedgerService ledger;
    @Autowired
    YearEndClose yearEnd;
    @Autowired
    ShuService shu;
    @Autowired
    ShuPosting shuPosting;
    @Autowired
    ShuPayouts payouts;
    @Autowired
    org.lumbung.fx.ForeignCurrencyAccounts fx;
    @Autowired
    org.lumbung.savings.ExitService exits;
    @Autowired
    org.lumbung.ledger.ChartOfAccounts chart;

    @Test
    void theMembersShareIsADepositOnHerStatement() {
        Cooperative c = cooperative();
        int year = LocalDate.now().getYear() - 1;
        Member siti = memberWithShare(c, "Siti Aminah", year, "shu-test-pokok");
        closeTheYearWithIncome(c, year, "1000000");

        shuPosting.post(c.id(), year, ShuDistribution.Destination.VOLUNTARY_SAVINGS);

        SavingsAccount sukarela = account(c, siti, SavingsKind.VOLUNTARY);
        assertThat(sukarela.balance()).isEqualByComparingTo("400000");
        assertThat(savings.transactions(c.id(), siti.id(), 0, 10)).filteredOn(t -> t.accountId() == sukarela.id()).singleElement()
                .satisfies(t -> {
                    assertThat(t.source()).isEqualTo(DepositSource.SHU);
                    assertThat(t.amount()).isEqualByComparingTo("400000");
                    assertThat(t.note()).isEqualTo("SHU " + year);
                });
    }

    @Test
    void aMemberWhoLeftKeepsHerShareOnThePayableAndIsPaidAtTheCounter() {
        Cooperative c = cooperative();
        int year = LocalDate.now().getYear() - 1;
        Member siti = memberWithShare(c, "Siti Aminah", year, "shu-left-pokok-1");
        Member parmi = memberWithShare(c, "Parmi", year, "shu-left-pokok-2");
        closeTheYearWithIncome(c, year, "1000000");
        exits.settle(c.id(), parmi.id(), LocalDate.now(), "pindah ke Batam", "shu-left-exit-1");

        shuPosting.post(c.id(), year, ShuDistribution.Destination.VOLUNTARY_SAVINGS);

        // 40 % of 1,000,000 to capital, half each: Siti's 200,000 to her savings, Parmi's waits on the payable
        assertThat(account(c, siti, SavingsKind.VOLUNTARY).balance()).isEqualByComparingTo("200000");
        assertThat(chart.account(c.id(), "2500").balance()).isEqualByComparingTo("200000");
        assertThat(payouts.payouts(c.id(), year)).singleElement().satisfies(p -> {
            assertThat(p.memberId()).isEqualTo(siti.id());
            assertThat(p.destination()).isEqualTo(ShuPayouts.Destination.VOLUNTARY_SAVINGS);
            assertThat(p.amount()).isEqualByComparingTo("200000");
        });
        assertThatThrownBy(() -> payouts.pay(c.id(), year, siti.id(), ShuPayouts.Destination.CASH))
                .hasMessageContaining("reports.shu.payout.already");
        assertThatThrownBy(() -> payouts.pay(c.id(), year, parmi.id(), ShuPayouts.Destination.VOLUNTARY_SAVINGS))
                .hasMessageContaining("reports.shu.no-voluntary-account");

        ShuPayouts.Payout inCash = payouts.pay(c.id(), year, parmi.id(), ShuPayouts.Destination.CASH);
        assertThat(inCash.amount()).isEqualByComparingTo("200000");
        assertThat(inCash.receiptNumber()).isEqualTo(2);
        assertThat(chart.account(c.id(), "2500").balance()).isEqualByComparingTo("0");
    }

    @Test
    void aShareIsNeverCreditedToRinggitSavings() {
        Cooperative c = newCooperative("shum" + UniqueSuffix.next());
        products.create(c.id(), new NewSavingsProduct("POKOK", "Share capital", "Simpanan Pokok", SavingsKind.SHARE, "IDR", "3100",
                new BigDecimal("100000"), null, null, BigDecimal.ZERO, InterestMethod.NONE, InterestPosting.MONTHLY, null, null));
        int year = LocalDate.now().getYear() - 1;
        Member siti = memberWithShare(c, "Siti Aminah", year, "shu-myr-pokok");
        // her only voluntary savings are in ringgit: the rupiah share cannot go there
        var ringgit = products.create(c.id(), new NewSavingsProduct("SUKARELA-MYR", "Voluntary savings in ringgit",
                "Simpanan Sukarela Ringgit", SavingsKind.VOLUNTARY, "MYR", fx.savings(c.id(), "MYR").code(), null, null,
                BigDecimal.ZERO, BigDecimal.ZERO, InterestMethod.NONE, InterestPosting.MONTHLY, null, null));
        savings.openAccount(c.id(), siti.id(), ringgit.id(), LocalDate.of(year, 1, 6));
        closeTheYearWithIncome(c, year, "1000000");

        shuPosting.post(c.id(), year, ShuDistribution.Destination.VOLUNTARY_SAVINGS);

        assertThat(account(c, siti, SavingsKind.VOLUNTARY).balance()).isZero();
        assertThat(chart.account(c.id(), "2500").balance()).as("her share waits on the payable").isEqualByComparingTo("400000");
        assertThatThrownBy(() -> payouts.pay(c.id(), year, siti.id(), ShuPayouts.Destination.VOLUNTARY_SAVINGS))
                .hasMessageContaining("reports.shu.no-voluntary-account");
    }

    private Cooperative cooperative() {
        Cooperative c = newCooperative("shus" + UniqueSuffix.next());
        products.create(c.id(), new NewSavingsProduct("POKOK", "Share capital", "Simpanan Pokok", SavingsKind.SHARE, "IDR", "3100",
                new BigDecimal("100000"), null, null, BigDecimal.ZERO, InterestMethod.NONE, InterestPosting.MONTHLY, null, null));
        products.create(c.id(), new NewSavingsProduct("SUKARELA", "Voluntary savings", "Simpanan Sukarela", SavingsKind.VOLUNTARY,
                "IDR", "2100", null, null, BigDecimal.ZERO, BigDecimal.ZERO, InterestMethod.NONE, InterestPosting.MONTHLY, null, null));
        return c;
    }

    private Member memberWithShare(Cooperative c, String name, int year, String key) {
        Member m = members.register(c.id(), NewMember.basic(name, "F", "Ngrupit", null, LocalDate.of(year, 1, 6)));
        savings.deposit(c.id(), new Movement(account(c, m, SavingsKind.SHARE).id(), new BigDecimal("100000"), LocalDate.of(year, 1, 6),
                null, key));
        return m;
    }

    /** The year's only income, closed, with 40 % of the surplus to the members' capital and nothing to patronage. */
    private void closeTheYearWithIncome(Cooperative c, int year, String income) {
        ledger.post(new PostingRequest(c.id(), "shu-income-" + c.id(), LocalDate.of(year, 6, 30), "Bagi hasil bank", "MANUAL", null,
                List.of(PostingLine.debit("1100", new BigDecimal(income)), PostingLine.credit("4400", new BigDecimal(income))),
                "test-admin"));
        yearEnd.close(c.id(), year);
        Map<ShuPool, BigDecimal> percents = new EnumMap<>(ShuSplit.DEFAULT.percents());
        percents.put(ShuPool.CAPITAL, new BigDecimal("40"));
        percents.put(ShuPool.PATRONAGE, BigDecimal.ZERO);
        shu.saveSplit(c.id(), year, new ShuSplit(percents, ShuSplit.CapitalBase.YEAR_END));
    }

    private SavingsAccount account(Cooperative c, Member m, SavingsKind kind) {
        return savings.accounts(c.id(), m.id()).stream().filter(a -> a.kind() == kind).findFirst().orElseThrow();
    }
}
