package org.lumbung.district;

import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.members.MigrationSector;
import org.lumbung.members.NewMember;
import org.lumbung.members.NewMigration;
import org.lumbung.platform.DomainException;
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
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The outcomes of a small cooperative worked by hand: members by gender and migration status at the period's end, by
 * their status then (a member who left during the period no longer counts, one who left after it still does).
 */
class OutcomesTest extends DatabaseTest {

    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 6, 30);

    @Autowired
    Outcomes outcomes;
    @Autowired
    MemberService members;
    @Autowired
    SavingsProducts products;
    @Autowired
    SavingsService savings;

    @Test
    void membersByGenderAndMigrationAndSavingsPerMember() {
        Cooperative c = newCooperative("outcomes");
        products.create(c.id(), new NewSavingsProduct("SUKARELA", "Voluntary savings", "Simpanan Sukarela", SavingsKind.VOLUNTARY,
                "IDR", "2100", null, null, BigDecimal.ZERO, BigDecimal.ZERO, InterestMethod.NONE, InterestPosting.MONTHLY, null, null));
        Member siti = member(c, "Siti", "F", LocalDate.of(2024, 3, 1));
        Member ani = member(c, "Ani", "F", LocalDate.of(2026, 2, 1));     // new in the period
        member(c, "Budi", "M", LocalDate.of(2025, 5, 1));
        member(c, "Dewi", "F", LocalDate.of(2026, 8, 1));                 // joined after the period: not counted
        Member eka = member(c, "Eka", "M", LocalDate.of(2025, 2, 1));
        members.markExited(c.id(), eka.id(), LocalDate.of(2026, 3, 15), "moved away"); // left during the period: not counted
        Member fitri = member(c, "Fitri", "F", LocalDate.of(2025, 2, 1));
        members.markExited(c.id(), fitri.id(), LocalDate.of(2026, 8, 1), "moved away"); // left after it: still a member then
        members.addMigration(c.id(), siti.id(), new NewMigration("HK", MigrationSector.CARE, LocalDate.of(2018, 1, 1), LocalDate.of(2023, 1, 1)));
        // abroad at the period's end, back only after it
        members.addMigration(c.id(), ani.id(), new NewMigration("MY", MigrationSector.PLANTATION, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 9, 1)));
        long voluntary = savings.accounts(c.id(), siti.id()).get(0).id();
        savings.deposit(c.id(), new Movement(voluntary, new BigDecimal("100000"), LocalDate.of(2026, 3, 1), null, "outcomes-1"));
        savings.deposit(c.id(), new Movement(voluntary, new BigDecimal("900000"), LocalDate.of(2026, 7, 1), null, "outcomes-2"));

        OutcomesReport r = outcomes.ofCooperative(c.id(), FROM, TO);
        assertThat(r.members()).extracting(OutcomesReport.MemberGroup::gender, OutcomesReport.MemberGroup::migration,
                        OutcomesReport.MemberGroup::members, OutcomesReport.MemberGroup::joined)
                .containsExactly(tuple("F", OutcomesReport.Migration.ABROAD, 1, 1), tuple("F", OutcomesReport.Migration.NEVER, 1, 0),
                        tuple("F", OutcomesReport.Migration.RETURNED, 1, 0), tuple("M", OutcomesReport.Migration.NEVER, 1, 0));
        assertThat(r.memberCount()).as("Siti, Ani, Budi and Fitri, who left only after the period").isEqualTo(4);
        assertThat(r.newMembers()).isEqualTo(1);
        assertThat(r.savings().get("IDR")).as("the July deposit is after the period").isEqualByComparingTo("100000");
        assertThat(r.savingsPerMember().get("IDR")).isEqualByComparingTo("25000.00");
        assertThat(outcomes.ofCooperative(c.id(), FROM, LocalDate.of(2026, 8, 31)).memberCount())
                .as("by August Dewi has joined and Fitri has left").isEqualTo(4);
        assertThat(outcomes.ofCooperative(c.id(), FROM, LocalDate.of(2026, 3, 14)).memberCount())
                .as("the day before Eka left: Siti, Ani, Budi, Eka, Fitri").isEqualTo(5);
        assertThat(r.loans()).isEmpty();
        assertThat(r.remittancesReceived()).isEmpty();
        assertThat(outcomes.ofAll(FROM, TO).memberCount()).isGreaterThanOrEqualTo(3);
        assertThatThrownBy(() -> outcomes.ofCooperative(c.id(), TO, FROM)).isInstanceOf(DomainException.class);
    }

    private Member member(Cooperative c, String name, String gender, LocalDate joined) {
        return members.register(c.id(), NewMember.basic(name, gender, "Ngrupit", null, joined));
    }
}
