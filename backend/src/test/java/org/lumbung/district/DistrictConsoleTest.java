package org.lumbung.district;

import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.ChainVerifier;
import org.lumbung.ledger.PeriodService;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.members.MigrationSector;
import org.lumbung.members.NewMember;
import org.lumbung.members.NewMigration;
import org.lumbung.savings.InterestMethod;
import org.lumbung.savings.InterestPosting;
import org.lumbung.savings.Movement;
import org.lumbung.savings.NewSavingsProduct;
import org.lumbung.savings.SavingsKind;
import org.lumbung.savings.SavingsProducts;
import org.lumbung.savings.SavingsService;
import org.lumbung.testsupport.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lumbung.db.jooq.Tables.CHAIN_CHECK;
import static org.lumbung.db.jooq.Tables.LOAN_PORTFOLIO_SNAPSHOT;

/**
 * The console's row of a cooperative worked by hand: members by gender and migration, savings, the last posting,
 * the chain as verified and the closed month's checkpoint, PAR30 from the latest close of business, and its PEARLS red
 * flags (each ratio's code, value and target); a cooperative with nothing yet, and one whose chain was found broken.
 */
class DistrictConsoleTest extends DatabaseTest {

    @Autowired
    DistrictConsole console;
    @Autowired
    MemberService members;
    @Autowired
    SavingsProducts products;
    @Autowired
    SavingsService savings;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    PeriodService periods;
    @Autowired
    Clock clock;

    @Test
    void aCooperativesRowWorkedByHand() {
        Cooperative busy = newCooperative("dc-busy");
        Cooperative quiet = newCooperative("dc-quiet");
        Cooperative broken = newCooperative("dc-broken");
        LocalDate lastMonth = YearMonth.now(clock).minusMonths(1).atDay(5);
        products.create(busy.id(), new NewSavingsProduct("SUKARELA", "Voluntary savings", "Simpanan Sukarela", SavingsKind.VOLUNTARY,
                "IDR", "2100", null, null, BigDecimal.ZERO, BigDecimal.ZERO, InterestMethod.NONE, InterestPosting.MONTHLY, null, null));
        Member siti = member(busy, "Siti Aminah", "F", lastMonth);
        Member ani = member(busy, "Ani", "F", lastMonth);
        member(busy, "Budi", "M", lastMonth);
        members.addMigration(busy.id(), siti.id(), new NewMigration("HK", MigrationSector.DOMESTIC_WORK, lastMonth.minusYears(3),
                lastMonth.minusYears(1)));
        members.addMigration(busy.id(), ani.id(), new NewMigration("MY", MigrationSector.PLANTATION, lastMonth.minusYears(1), null));
        long voluntary = savings.accounts(busy.id(), siti.id()).stream().filter(a -> a.kind() == SavingsKind.VOLUNTARY)
                .findFirst().orElseThrow().id();
        savings.deposit(busy.id(), new Movement(voluntary, new BigDecimal("50000"), lastMonth, null, "dc-deposit-1"));
        periods.close(busy.id(), YearMonth.from(lastMonth));
        long head = verifier.verify(busy.id()).entriesChecked();
        portfolio(busy, lastMonth, "2000000", "0");
        portfolio(busy, lastMonth.plusDays(1), "1000000", "80000");       // the latest close: PAR30 8 %
        dsl.insertInto(CHAIN_CHECK).set(CHAIN_CHECK.COOPERATIVE_ID, broken.id()).set(CHAIN_CHECK.CHECKED_AT, OffsetDateTime.now(clock))
                .set(CHAIN_CHECK.OK, false).set(CHAIN_CHECK.ENTRIES_CHECKED, 1L).set(CHAIN_CHECK.HEAD_HASH, "0".repeat(64))
                .set(CHAIN_CHECK.FIRST_BROKEN, 2L).set(CHAIN_CHECK.PROBLEM_KEY, "chain.problem.altered").execute();

        List<DistrictRow> rows = console.rows();
        assertThat(rows).extracting(DistrictRow::code).containsSubsequence("dc-broken", "dc-busy", "dc-quiet");
        DistrictRow b = row(rows, busy);
        assertThat(b.members()).isEqualTo(3);
        assertThat(b.women()).isEqualTo(2);
        assertThat(b.returnedMigrants()).as("Siti is back; Ani is still abroad").isEqualTo(1);
        assertThat(b.savings()).isEqualByComparingTo("50000");
        assertThat(b.lastPosting()).isEqualTo(LocalDate.now(clock.withZone(busy.zone())));
        assertThat(b.chain().state()).isEqualTo(ChainState.State.VERIFIED);
        assertThat(b.chain().head()).isEqualTo(head).isPositive();
        assertThat(b.lastCheckpoint().month()).isEqualTo(YearMonth.from(lastMonth).atDay(1));
        assertThat(b.lastCheckpoint().sequence()).isEqualTo(head);
        assertThat(b.loansOutstanding()).isEqualByComparingTo("1000000");
        assertThat(b.par30Percent()).isEqualByComparingTo("8.00");
        // PEARLS on this tiny book (assets: the 50,000 cash of the deposit): no loans on the books (E1 0 %), no
        // institutional capital (E9 0 %), no allowance for the 80,000 delinquent (P2 0 %) are red; A1 8 % is amber only
        assertThat(console.flagsTitleKey()).isEqualTo("district.flags.pearls");
        assertThat(b.flags()).extracting(RedFlag::messageKey).containsOnly("district.flag.pearls");
        assertThat(b.flags()).extracting(f -> f.arguments().get(0)).contains("P2", "E1", "E9").doesNotContain("A1", "R9");
        RedFlag e1 = b.flags().stream().filter(f -> f.arguments().get(0).equals("E1")).findFirst().orElseThrow();
        assertThat((BigDecimal) e1.arguments().get(1)).isEqualByComparingTo("0.00");
        assertThat(e1.arguments().get(2)).isEqualTo("70–80 %");

        DistrictRow q = row(rows, quiet);
        assertThat(q.chain().state()).isEqualTo(ChainState.State.NEVER_CHECKED);
        assertThat(q.members()).isZero();
        assertThat(q.savings()).isEqualByComparingTo("0");
        assertThat(q.par30Percent()).isNull();
        assertThat(q.putToWorkPercent()).isNull();
        assertThat(q.lastCheckpoint()).isNull();
        assertThat(q.flags()).isEmpty();

        DistrictRow x = row(rows, broken);
        assertThat(x.chain().state()).isEqualTo(ChainState.State.BROKEN);
        assertThat(x.flags()).extracting(RedFlag::messageKey).containsExactly("district.flag.chain-broken");
    }

    /** A check that found the entries intact but the maintained balances not theirs records no first broken entry. */
    @Test
    void aChainBrokenOnlyInItsBalancesIsFlaggedWithoutAnEntry() {
        Cooperative balances = newCooperative("dc-balances");
        dsl.insertInto(CHAIN_CHECK).set(CHAIN_CHECK.COOPERATIVE_ID, balances.id()).set(CHAIN_CHECK.CHECKED_AT, OffsetDateTime.now(clock))
                .set(CHAIN_CHECK.OK, false).set(CHAIN_CHECK.ENTRIES_CHECKED, 1L).set(CHAIN_CHECK.HEAD_HASH, "0".repeat(64))
                .set(CHAIN_CHECK.PROBLEM_KEY, "chain.problem.balance").execute();

        DistrictRow row = row(console.rows(), balances);

        assertThat(row.chain().state()).isEqualTo(ChainState.State.BROKEN);
        assertThat(row.chain().firstBroken()).isNull();
        assertThat(row.flags()).containsExactly(RedFlag.of("district.flag.chain-balances"));
    }

    private Member member(Cooperative c, String name, String gender, LocalDate joined) {
        return members.register(c.id(), NewMember.basic(name, gender, "Ngrupit", null, joined));
    }

    private void portfolio(Cooperative c, LocalDate day, String outstanding, String par30) {
        dsl.insertInto(LOAN_PORTFOLIO_SNAPSHOT).set(LOAN_PORTFOLIO_SNAPSHOT.COOPERATIVE_ID, c.id())
                .set(LOAN_PORTFOLIO_SNAPSHOT.BUSINESS_DATE, day).set(LOAN_PORTFOLIO_SNAPSHOT.COLLECTIBILITY, "ALL")
                .set(LOAN_PORTFOLIO_SNAPSHOT.LOANS, 10).set(LOAN_PORTFOLIO_SNAPSHOT.OUTSTANDING, new BigDecimal(outstanding))
                .set(LOAN_PORTFOLIO_SNAPSHOT.PAR1_AMOUNT, new BigDecimal(par30)).set(LOAN_PORTFOLIO_SNAPSHOT.PAR1_LOANS, 1)
                .set(LOAN_PORTFOLIO_SNAPSHOT.PAR30_AMOUNT, new BigDecimal(par30)).set(LOAN_PORTFOLIO_SNAPSHOT.PAR30_LOANS, 1)
                .set(LOAN_PORTFOLIO_SNAPSHOT.PAR90_AMOUNT, BigDecimal.ZERO).set(LOAN_PORTFOLIO_SNAPSHOT.PAR90_LOANS, 0)
                .set(LOAN_PORTFOLIO_SNAPSHOT.PROVISION, BigDecimal.ZERO).execute();
    }

    private static DistrictRow row(List<DistrictRow> rows, Cooperative c) {
        return rows.stream().filter(r -> r.cooperativeId() == c.id()).findFirst().orElseThrow();
    }
}
