package org.lumbung.remittance;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.fx.ExchangeRateService;
import org.lumbung.fx.NewRate;
import org.lumbung.ledger.EntryLine;
import org.lumbung.ledger.JournalEntry;
import org.lumbung.ledger.Side;
import org.lumbung.members.Member;
import org.lumbung.platform.DomainException;
import org.lumbung.savings.DepositSource;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.savings.SavingsTransaction;
import org.lumbung.savings.TransactionKind;
import org.lumbung.savings.SavingsKind;
import org.lumbung.testsupport.LedgerInvariants;
import org.lumbung.testsupport.PdfPages;
import org.lumbung.testsupport.UniqueSuffix;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemittanceServiceTest extends RemittanceTestBase {

    @Autowired
    RemittanceReceipt receipt;
    @Autowired
    ExchangeRateService rates;
    @Autowired
    RemittanceReports reports;

    Member siti;
    SavingsAccount sukarela;
    SavingsAccount wajib;

    @BeforeEach
    void setUp() {
        cooperative("rmt" + UniqueSuffix.next());
        siti = member("Siti Aminah");
        sukarela = account(siti, SavingsKind.VOLUNTARY);
        wajib = account(siti, SavingsKind.MANDATORY);
    }

    @Test
    void conversionIsExactAndRoundedHalfEvenToTheCooperativeCurrency() {
        // MYR with cents × a six-decimal rate: 1234.56 × 3550.123456 = 4,382,840.41383936 → 4,382,840.41
        assertThat(RemittanceConversion.received(new BigDecimal("1234.56"), new BigDecimal("3550.123456"), "IDR"))
                .isEqualByComparingTo("4382840.41");
        // KRW and JPY have no minor units; the rate has eight decimals
        assertThat(RemittanceConversion.received(new BigDecimal("1000000"), new BigDecimal("11.72345678"), "IDR"))
                .isEqualByComparingTo("11723456.78");
        assertThat(RemittanceConversion.received(new BigDecimal("50000"), new BigDecimal("104.87654321"), "IDR"))
                .isEqualByComparingTo("5243827.16");
        // a tie goes to the even cent: 12.50 × 0.01 = 0.125 → 0.12 (half-up would give 0.13)
        assertThat(RemittanceConversion.received(new BigDecimal("12.50"), new BigDecimal("0.01"), "IDR"))
                .isEqualByComparingTo("0.12");
        // into a currency without minor units
        assertThat(RemittanceConversion.received(new BigDecimal("100.00"), new BigDecimal("0.5"), "JPY"))
                .isEqualByComparingTo("50").extracting(BigDecimal::scale).isEqualTo(0);
    }

    @Test
    void ratesAreBounded() {
        refused(() -> remittances.record(coop.id(), myr(siti, "10.00", "3550.123456789", List.of(cash("35501.23")))),
                "fx.rate.too-precise");
        refused(() -> remittances.record(coop.id(), myr(siti, "10.00", "0", List.of(cash("1")))), "fx.rate.range");
    }

    @Test
    void aReceiptIsOneBalancedEntryThatAllocatesEveryRupiah() {
        RecordedRemittance r = remittances.record(coop.id(), myr(siti, "1234.56", "3550.123456", List.of(
                toSavings(sukarela, "3000000.00"), toSavings(wajib, "25000.00"), fee("10000.00"), cash("1347840.41"))));

        Remittance m = r.remittance();
        assertThat(m.receiptNumber()).isEqualTo(1);
        assertThat(m.receivedAmount()).isEqualByComparingTo("4382840.41");
        assertThat(m.receivedCurrency()).isEqualTo("IDR");
        assertThat(m.rateSource()).isEqualTo(RateSource.ENTERED);
        assertThat(m.rateDate()).isEqualTo(NOV_27);
        assertThat(m.booking()).isEqualTo(RemittanceBooking.CONVERTED);
        assertThat(m.fee()).isEqualByComparingTo("12.00");
        assertThat(m.putToWork()).isEqualByComparingTo("3025000.00");
        assertThat(m.allocations()).extracting(Allocation::kind).containsExactly(AllocationKind.SAVINGS, AllocationKind.SAVINGS,
                AllocationKind.FEE, AllocationKind.CASH);
        JournalEntry entry = ledger.entry(coop.id(), m.journalEntryId());
        assertThat(entry.sequence()).isEqualTo(r.entrySequence());
        assertThat(savings.account(coop.id(), sukarela.id()).balance()).isEqualByComparingTo("3000000.00");
        assertThat(savings.account(coop.id(), wajib.id()).balance()).isEqualByComparingTo("25000.00");
        assertThat(remittances.record(coop.id(), myr(siti, "10.00", "3550", List.of(cash("35500.00")))).remittance()
                .receiptNumber()).isEqualTo(2);
    }

    @Test
    void allocationsThatDoNotAddUpAreRefusedAndChangeNothing() {
        Map<String, List<BigDecimal>> before = LedgerInvariants.state(dsl, coop.id());
        // one cent short, one cent over, and a part in a fraction of a cent
        refused(() -> remittances.record(coop.id(), myr(siti, "1234.56", "3550.123456", List.of(
                toSavings(sukarela, "3000000.00"), cash("1382840.40")))), "remittance.allocation.sum");
        refused(() -> remittances.record(coop.id(), myr(siti, "1234.56", "3550.123456", List.of(
                toSavings(sukarela, "3000000.00"), cash("1382840.42")))), "remittance.allocation.sum");
        refused(() -> remittances.record(coop.id(), myr(siti, "1234.56", "3550.123456", List.of(
                toSavings(sukarela, "3000000.005"), cash("1382840.405")))), "money.amount.too-many-decimals");
        refused(() -> remittances.record(coop.id(), myr(siti, "1234.56", "3550.123456", List.of())), "remittance.allocation.count");
        refused(() -> remittances.record(coop.id(), myr(siti, "1234.56", "3550.123456", List.of(
                cash("1.00"), cash("4382839.41")))), "remittance.allocation.once");
        assertThat(LedgerInvariants.state(dsl, coop.id())).isEqualTo(before);
        assertThat(remittances.count(coop.id(), RemittanceFilter.all())).isZero();
    }

    @Test
    void badInputIsRefusedWithItsOwnMessage() {
        refused(() -> remittances.record(coop.id(), new NewRemittance(siti.id(), NOV_27, "MY", RemittanceChannel.HAND_CARRIED,
                RemittanceBooking.CONVERTED, "MYR", new BigDecimal("10"), BigDecimal.ZERO, new BigDecimal("3550"),
                List.of(cash("35500")), null, key())), "remittance.booking.hand-carried");
        refused(() -> remittances.record(coop.id(), new NewRemittance(siti.id(), NOV_27, "MY", RemittanceChannel.BANK,
                null, "IDR", new BigDecimal("10"), BigDecimal.ZERO, BigDecimal.ONE, List.of(cash("10")), null, key())),
                "remittance.currency.own");
        refused(() -> remittances.record(coop.id(), new NewRemittance(siti.id(), NOV_27, "ID", RemittanceChannel.BANK,
                null, "MYR", new BigDecimal("10"), BigDecimal.ZERO, BigDecimal.ONE, List.of(cash("10")), null, key())),
                "remittance.corridor.invalid");
        refused(() -> remittances.record(coop.id(), new NewRemittance(siti.id(), NOV_27, "KR", RemittanceChannel.BANK,
                null, "KRW", new BigDecimal("10.5"), BigDecimal.ZERO, BigDecimal.ONE, List.of(cash("10.5")), null, key())),
                "money.amount.too-many-decimals");
        Member other = member("Sri Wahyuni");
        refused(() -> remittances.record(coop.id(), myr(siti, "10.00", "3550", List.of(
                toSavings(account(other, SavingsKind.VOLUNTARY), "35500.00")))), "remittance.savings.not-found");
    }

    @Test
    void itsSavingsPartsStandOnTheMembersSavingsStatementAsDepositsFromARemittance() {
        NewRemittance request = myr(siti, "1234.56", "3550.123456", List.of(
                toSavings(sukarela, "3000000.00"), toSavings(wajib, "25000.00"), fee("10000.00"), cash("1347840.41")));
        RecordedRemittance r = remittances.record(coop.id(), request);
        List<SavingsTransaction> statement = savings.transactions(coop.id(), siti.id(), 0, 10);
        assertThat(statement).hasSize(2).allSatisfy(t -> {
            assertThat(t.kind()).isEqualTo(TransactionKind.DEPOSIT);
            assertThat(t.source()).isEqualTo(DepositSource.REMITTANCE);
            assertThat(t.journalEntryId()).isEqualTo(r.remittance().journalEntryId());
            assertThat(t.note()).isEqualTo("MY · MYR 1234.56");
            assertThat(t.valueDate()).isEqualTo(NOV_27);
        });
        assertThat(statement).extracting(SavingsTransaction::accountId, SavingsTransaction::amount).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(sukarela.id(), new BigDecimal("3000000.00")),
                org.assertj.core.groups.Tuple.tuple(wajib.id(), new BigDecimal("25000.00")));
        assertThat(savings.balanceAfter(coop.id(), statement.stream().filter(t -> t.accountId() == sukarela.id()).findFirst()
                .orElseThrow())).isEqualByComparingTo("3000000.00");
        // a replay records nothing twice
        assertThat(remittances.record(coop.id(), request).replayed()).isTrue();
        assertThat(savings.transactionCount(coop.id(), siti.id())).isEqualTo(2);
    }

    @Test
    void aMembersHistoryCountsHerReceiptsCorridorsAndWhereTheMoneyWent() {
        remittances.record(coop.id(), myr(siti, "100.00", "3550", List.of(toSavings(sukarela, "300000.00"), cash("55000.00"))));
        remittances.record(coop.id(), new NewRemittance(siti.id(), NOV_27.minusMonths(1), "HK", RemittanceChannel.BANK, null, "HKD",
                new BigDecimal("1000.00"), BigDecimal.ZERO, new BigDecimal("2000"), List.of(toSavings(wajib, "2000000.00")), null, key()));
        remittances.record(coop.id(), myr(member("Sri Wahyuni"), "10.00", "3550", List.of(cash("35500.00"))));

        RemittanceReports.MemberHistory h = reports.memberHistory(coop.id(), siti.id(), "IDR");
        assertThat(h.receipts()).isEqualTo(2);
        assertThat(h.corridors()).containsExactly("HK", "MY");
        assertThat(h.first()).isEqualTo(NOV_27.minusMonths(1));
        assertThat(h.last()).isEqualTo(NOV_27);
        assertThat(h.work().received()).isEqualByComparingTo("2355000.00");
        assertThat(h.work().savings()).isEqualByComparingTo("2300000.00");
        assertThat(h.work().cash()).isEqualByComparingTo("55000.00");
        assertThat(reports.memberHistory(coop.id(), member("Tumini").id(), "IDR").receipts()).isZero();
    }

    @Test
    void aBatchBooksEveryReceiptOrNoneAndAnswersReplays() {
        Member sri = member("Sri Wahyuni");
        NewRemittance first = myr(siti, "100.00", "3550", List.of(toSavings(sukarela, "300000.00"), cash("55000.00")));
        remittances.record(coop.id(), first);
        NewRemittance second = myr(sri, "200.00", "3550", List.of(toSavings(account(sri, SavingsKind.VOLUNTARY), "700000.00"),
                fee("10000.00")));
        NewRemittance third = myr(siti, "10.00", "3550", List.of(toSavings(wajib, "35500.00")));
        NewRemittance fallsShort = myr(sri, "10.00", "3550", List.of(cash("35000.00")));

        refused(() -> remittances.recordAll(coop.id(), List.of(second, fallsShort, third)), "remittance.allocation.sum");
        assertThat(remittances.count(coop.id(), RemittanceFilter.all())).as("none of a refused batch").isEqualTo(1);

        List<RecordedRemittance> booked = remittances.recordAll(coop.id(), List.of(first, second, third));
        assertThat(booked).extracting(RecordedRemittance::replayed).containsExactly(true, false, false);
        assertThat(booked).extracting(b -> b.remittance().receiptNumber()).containsExactly(1, 2, 3);
        assertThat(booked.get(1).entrySequence()).isLessThan(booked.get(2).entrySequence());
        assertThat(savings.account(coop.id(), account(sri, SavingsKind.VOLUNTARY).id()).balance()).isEqualByComparingTo("700000.00");
        assertThat(savings.account(coop.id(), wajib.id()).balance()).isEqualByComparingTo("35500.00");
        assertThat(savings.transactionCount(coop.id(), siti.id())).isEqualTo(2);
        refused(() -> remittances.recordAll(coop.id(), List.of()), "remittance.batch.size");
    }

    @Test
    void theSameKeyReplaysTheReceiptAndAnotherRequestUnderItIsAConflict() {
        NewRemittance first = myr(siti, "100.00", "3550", List.of(toSavings(sukarela, "300000.00"), cash("55000.00")));
        RecordedRemittance booked = remittances.record(coop.id(), first);
        RecordedRemittance again = remittances.record(coop.id(), first);
        assertThat(again.replayed()).isTrue();
        assertThat(again.remittance()).isEqualTo(booked.remittance());
        NewRemittance other = new NewRemittance(siti.id(), NOV_27, "MY", RemittanceChannel.MONEY_TRANSFER_OPERATOR, null, "MYR",
                new BigDecimal("100.00"), new BigDecimal("12.00"), new BigDecimal("3550"),
                List.of(cash("355000.00")), null, first.idempotencyKey());
        assertThatThrownBy(() -> remittances.record(coop.id(), other)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
        assertThat(remittances.count(coop.id(), RemittanceFilter.all())).isEqualTo(1);
    }

    @Test
    void listsArePagedAndFilteredByDateAndMember() {
        remittances.record(coop.id(), myr(siti, "10.00", "3550", List.of(cash("35500.00"))));
        Member sri = member("Sri Wahyuni");
        remittances.record(coop.id(), myr(sri, "20.00", "3550", List.of(cash("71000.00"))));
        assertThat(remittances.count(coop.id(), RemittanceFilter.ofMember(sri.id()))).isEqualTo(1);
        assertThat(remittances.count(coop.id(), new RemittanceFilter(NOV_27.plusDays(1), null, null))).isZero();
        assertThat(remittances.remittances(coop.id(), new RemittanceFilter(NOV_27, NOV_27, null), 0, 1)).hasSize(1);
        refused(() -> remittances.remittances(coop.id(), RemittanceFilter.all(), 0, RemittanceService.MAX_PAGE + 1), "page.invalid");
    }

    @Test
    void theReceiptPdfShowsBothCurrenciesTheRateAndWhereTheMoneyWent() {
        Remittance m = remittances.record(coop.id(), myr(siti, "1234.56", "3550.123456", List.of(
                toSavings(sukarela, "3000000.00"), cash("1382840.41")))).remittance();
        String text = PdfPages.text(receipt.pdf(coop.id(), m.id()));
        // the member's language is Indonesian (the default)
        assertThat(text).contains("Kuitansi kiriman uang", "MYR", "1.234,56", "3.550,123456", "4.382.840,41",
                "3.000.000,00", "1.382.840,41", sukarela.number(), "Malaysia");
    }

    @Test
    void cashCarriedHomeIsHeldInItsCurrencyInOneEntryBalancedPerCurrency() {
        Remittance m = remittances.record(coop.id(), new NewRemittance(siti.id(), NOV_27, "MY", RemittanceChannel.HAND_CARRIED,
                null, "MYR", new BigDecimal("1000.00"), BigDecimal.ZERO, new BigDecimal("3550"), List.of(
                toSavings(sukarela, "3000000.00"), cash("550000.00")), null, key())).remittance();

        assertThat(m.booking()).isEqualTo(RemittanceBooking.FOREIGN);
        JournalEntry entry = ledger.entry(coop.id(), m.journalEntryId());
        Map<String, BigDecimal> netPerCurrency = entry.lines().stream().collect(Collectors.groupingBy(EntryLine::currency,
                Collectors.reducing(BigDecimal.ZERO, l -> l.side() == Side.DEBIT ? l.amount() : l.amount().negate(), BigDecimal::add)));
        assertThat(netPerCurrency).containsOnlyKeys("MYR", "IDR").allSatisfy((c, net) -> assertThat(net).isZero());
        assertThat(entry.lines()).filteredOn(l -> l.currency().equals("MYR"))
                .extracting(EntryLine::accountCode, EntryLine::side, l -> l.amount().toPlainString())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("1150.MYR", Side.DEBIT, "1000.00"),
                        org.assertj.core.groups.Tuple.tuple("1900.MYR", Side.CREDIT, "1000.00"));
        assertThat(entry.lines()).filteredOn(l -> l.accountCode().equals("1910.MYR")).singleElement()
                .satisfies(l -> assertThat(l.amount()).isEqualByComparingTo("3550000.00"));
    }

    @Test
    void withoutARateTheDatedRateOfTheDayApplies() {
        LocalDate friday = LocalDate.of(2026, 11, 20);
        rates.record(coop.id(), List.of(new NewRate("HKD", friday, new BigDecimal("2041.25"), "BANK_INDONESIA")));
        LocalDate sunday = friday.plusDays(2);
        Remittance m = remittances.record(coop.id(), new NewRemittance(siti.id(), sunday, "HK", RemittanceChannel.BANK, null,
                "HKD", new BigDecimal("1000.00"), new BigDecimal("50.00"), null, List.of(cash("2041250.00")), null, key())).remittance();
        assertThat(m.rate()).isEqualByComparingTo("2041.25");
        assertThat(m.rateDate()).isEqualTo(friday);
        assertThat(m.rateSource()).isEqualTo(RateSource.DATED);
        refused(() -> remittances.record(coop.id(), new NewRemittance(siti.id(), sunday, "TW", RemittanceChannel.BANK, null,
                "TWD", new BigDecimal("1000"), BigDecimal.ZERO, null, List.of(cash("500000.00")), null, key())), "remittance.rate.none");
    }

    @Test
    void theCashRoundingAppliesOnlyToCashAndItsDifferenceHasItsOwnLine() {
        dsl.execute("insert into fx_setting (cooperative_id, cash_minor_units, changed_by) values (?, 0, 'test')", coop.id());
        Remittance m = remittances.record(coop.id(), myr(siti, "1234.56", "3550.123456", List.of(
                toSavings(sukarela, "3000000.41"), cash("1382840.00")))).remittance();
        assertThat(m.allocations()).filteredOn(a -> a.kind() == AllocationKind.CASH).singleElement()
                .satisfies(a -> assertThat(a.cashPaid()).isEqualByComparingTo("1382840"));
        Remittance rounded = remittances.record(coop.id(), myr(siti, "1234.56", "3550.123456", List.of(
                toSavings(sukarela, "3000000.00"), cash("1382840.41")))).remittance();
        Allocation cash = rounded.allocations().get(1);
        assertThat(cash.amount()).isEqualByComparingTo("1382840.41");
        assertThat(cash.cashPaid()).isEqualByComparingTo("1382840.00");
        assertThat(ledger.entry(coop.id(), rounded.journalEntryId()).lines())
                .filteredOn(l -> l.accountCode().equals("4260")).singleElement()
                .satisfies(l -> {
                    assertThat(l.side()).isEqualTo(Side.CREDIT);
                    assertThat(l.amount()).isEqualByComparingTo("0.41");
                });
        // the savings part is never rounded
        assertThat(savings.account(coop.id(), sukarela.id()).balance()).isEqualByComparingTo("6000000.41");
    }
}
