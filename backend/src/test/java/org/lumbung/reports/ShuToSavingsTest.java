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

    @Test
    void theMembersShareIsADepositOnHerStatement() {
        Cooperative c = newCooperative("shus" + UniqueSuffix.next());
        products.create(c.id(), new NewSavingsProduct("POKOK", "Share capital", "Simpanan Pokok", SavingsKind.SHARE, "IDR", "3100",
                new BigDecimal("100000"), null, null, BigDecimal.ZERO, InterestMethod.NONE, InterestPosting.MONTHLY, null, null));
        products.create(c.id(), new NewSavingsProduct("SUKARELA", "Voluntary savings", "Simpanan Sukarela", SavingsKind.VOLUNTARY,
                "IDR", "2100", null, null, BigDecimal.ZERO, BigDecimal.ZERO, InterestMethod.NONE, InterestPosting.MONTHLY, null, null));
        int year = LocalDate.now().getYear() - 1;
        Member siti = members.register(c.id(), NewMember.basic("Siti Aminah", "F", "Ngrupit", null, LocalDate.of(year, 1, 6)));
        SavingsAccount pokok = account(c, siti, SavingsKind.SHARE);
        savings.deposit(c.id(), new Movement(pokok.id(), new BigDecimal("100000"), LocalDate.of(year, 1, 6), null, "shu-test-pokok"));
        ledger.post(new PostingRequest(c.id(), "shu-test-income", LocalDate.of(year, 6, 30), "Bagi hasil bank", "MANUAL", null,
                List.of(PostingLine.debit("1100", new BigDecimal("1000000")), PostingLine.credit("4400", new BigDecimal("1000000"))),
                "test-admin"));
        yearEnd.close(c.id(), year);
        Map<ShuPool, BigDecimal> percents = new EnumMap<>(ShuSplit.DEFAULT.percents());
        percents.put(ShuPool.CAPITAL, new BigDecimal("40"));
        percents.put(ShuPool.PATRONAGE, BigDecimal.ZERO);
        shu.saveSplit(c.id(), year, new ShuSplit(percents, ShuSplit.CapitalBase.YEAR_END));

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

    private SavingsAccount account(Cooperative c, Member m, SavingsKind kind) {
        return savings.accounts(c.id(), m.id()).stream().filter(a -> a.kind() == kind).findFirst().orElseThrow();
    }
}
