package org.lumbung.members;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.DomainException;
import org.lumbung.testsupport.DatabaseTest;
import org.lumbung.testsupport.UniqueSuffix;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry: identity rules, numbers, the status lifecycle, migration history and the fuzzy search. */
class MemberServiceTest extends DatabaseTest {

    private static final LocalDate JOINED = LocalDate.of(2025, 3, 1);

    @Autowired
    MemberService members;

    Cooperative coop;

    @BeforeEach
    void setUp() {
        coop = newCooperative("ms-" + UniqueSuffix.next());
    }

    private Member register(String name, String gender, String nik, LocalDate birth) {
        return members.register(coop.id(), new NewMember(name, gender, nik == null ? NationalIdKind.NONE : NationalIdKind.NIK, nik,
                birth, "Ngrupit", null, null, null, null, "id", JOINED, MemberStatus.ACTIVE));
    }

    @Test
    void aNikMustMatchTheMembersBirthDateAndGender() {
        LocalDate birth = LocalDate.of(1980, 8, 5);
        // women have 40 added to the day: 45 08 80
        assertThat(register("Siti Aminah", "F", "3502114508800001", birth).nationalId()).isEqualTo("3502114508800001");
        refused(() -> register("Sri", "F", "350211450880001", birth), "member.nik.digits");
        refused(() -> register("Sri", "F", "3502110508800002", birth), "member.nik.gender");
        refused(() -> register("Sri", "F", "3502114608800002", birth), "member.nik.birth-date");
        refused(() -> register("Sri", "F", "0902114508800002", birth), "member.nik.region");
        refused(() -> register("Sri", "F", "3502114508800000", birth), "member.nik.serial");
        refused(() -> register("Sri", "F", "3502114513800002", birth), "member.nik.birth");
        refused(() -> register("Siti Kembar", "F", "3502114508800001", birth), "member.national-id.taken");
        Member cambodian = members.register(coop.id(), new NewMember("Sok Chea", "F", NationalIdKind.OTHER, "KH-010203040", null,
                "Takeo", null, null, null, null, "en", JOINED, MemberStatus.APPLICANT));
        assertThat(cambodian.nationalIdKind()).isEqualTo(NationalIdKind.OTHER);
    }

    @Test
    void memberNumbersAreSequentialAndAStatusChangeIsHistory() {
        Member first = register("Tumini", "F", null, null);
        Member second = register("Parni", "F", null, null);
        assertThat(second.memberNumber()).isEqualTo(first.memberNumber() + 1);
        refused(() -> members.changeStatus(coop.id(), first.id(), MemberStatus.APPLICANT, JOINED, "x"), "member.status.transition");
        refused(() -> members.changeStatus(coop.id(), first.id(), MemberStatus.SUSPENDED, JOINED.minusDays(1), "x"), "member.status.date");
        Member suspended = members.changeStatus(coop.id(), first.id(), MemberStatus.SUSPENDED, LocalDate.of(2026, 5, 2),
                "tunggakan enam bulan");
        assertThat(suspended.status()).isEqualTo(MemberStatus.SUSPENDED);
        members.changeStatus(coop.id(), first.id(), MemberStatus.ACTIVE, LocalDate.of(2026, 7, 4), "tunggakan lunas");
        assertThat(members.statusHistory(coop.id(), first.id())).extracting(StatusChange::status)
                .containsExactly(MemberStatus.ACTIVE, MemberStatus.SUSPENDED, MemberStatus.ACTIVE);
        assertThatThrownBy(() -> dsl.execute("delete from member_status_event where member_id = " + first.id()))
                .hasStackTraceContaining("never changed or deleted");
    }

    @Test
    void migrationHistoryRecordsTheReturnOnceAndFiltersReturnedMigrants() {
        Member away = register("Winarti", "F", null, null);
        Member home = register("Sulastri", "F", null, null);
        register("Eko Prasetyo", "M", null, null);
        Migration stay = members.addMigration(coop.id(), away.id(), new NewMigration("HK", MigrationSector.DOMESTIC_WORK,
                LocalDate.of(2017, 2, 1), null));
        members.addMigration(coop.id(), home.id(), new NewMigration("MY", MigrationSector.PLANTATION, LocalDate.of(2015, 1, 1),
                LocalDate.of(2022, 6, 30)));
        refused(() -> members.addMigration(coop.id(), home.id(), new NewMigration("XX", MigrationSector.OTHER, JOINED, null)),
                "member.migration.country");
        MemberFilter returned = new MemberFilter(null, null, null, null, true);
        assertThat(members.page(coop.id(), returned, 0, 10)).extracting(Member::fullName).containsExactly("Sulastri");
        members.recordReturn(coop.id(), stay.id(), LocalDate.of(2024, 1, 15));
        assertThat(members.page(coop.id(), returned, 0, 10)).extracting(Member::fullName).containsExactly("Winarti", "Sulastri");
        refused(() -> members.recordReturn(coop.id(), stay.id(), LocalDate.of(2024, 2, 1)), "member.migration.returned");
        assertThat(members.count(coop.id(), new MemberFilter(null, null, null, null, false))).isEqualTo(1);
    }

    @Test
    void searchFindsSpellingVariantsTogetherAndNumbersNikAndPhone() {
        for (String name : List.of("Siti Aminah", "Siti Aminnah", "Sitti Aminah", "Sri Wahyuni", "Sumarno", "Aminah Lestari")) {
            members.register(coop.id(), NewMember.basic(name, "F", "Ngrupit", "0812-3456-7" + name.length(), JOINED));
        }
        assertThat(members.page(coop.id(), MemberFilter.text("Siti Aminah"), 0, 10)).extracting(Member::fullName)
                .startsWith("Siti Aminah").contains("Siti Aminnah", "Sitti Aminah").doesNotContain("Sri Wahyuni", "Sumarno");
        assertThat(members.page(coop.id(), MemberFilter.text("sitti aminnah"), 0, 10)).extracting(Member::fullName)
                .contains("Siti Aminah", "Siti Aminnah", "Sitti Aminah");
        assertThat(members.page(coop.id(), MemberFilter.text("5"), 0, 10)).extracting(Member::fullName).contains("Sumarno");
        assertThat(members.page(coop.id(), MemberFilter.text("34567 11"), 0, 10)).extracting(Member::fullName)
                .containsExactlyInAnyOrder("Siti Aminah", "Sri Wahyuni");
        assertThat(members.count(coop.id(), MemberFilter.text("Wahyunni"))).isEqualTo(1);
    }

    @Test
    void oldSpellingFindsTheNewAndTheNewFindsTheOld() {
        for (String name : List.of("Suparmi", "Joyo Sumarto", "Ciptono", "Khairul Anwar", "Soekarni", "Sri Wahyuni", "Djoko Susilo")) {
            members.register(coop.id(), NewMember.basic(name, "F", "Ngrupit", null, JOINED));
        }
        assertThat(names("Soeparmi")).startsWith("Suparmi").doesNotContain("Sri Wahyuni");
        assertThat(names("SOEPARMI")).startsWith("Suparmi");
        assertThat(names("Djojo Soemarto")).startsWith("Joyo Sumarto");
        assertThat(names("Tjiptono")).containsExactly("Ciptono");
        assertThat(names("Chairul")).containsExactly("Khairul Anwar");
        assertThat(names("Sukarni")).containsExactly("Soekarni");
        assertThat(names("Joko Susilo")).startsWith("Djoko Susilo");
        assertThat(names("Suparmí")).startsWith("Suparmi");
    }

    @Test
    void leadingDigitsFindMemberNumbers() {
        for (int i = 1; i <= 160; i++) {
            members.register(coop.id(), NewMember.basic("Anggota " + i, "F", "Ngrupit", null, JOINED));
        }
        assertThat(members.page(coop.id(), MemberFilter.text("15"), 0, 50)).extracting(Member::memberNumber)
                .containsExactly(15, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159);
        assertThat(members.page(coop.id(), MemberFilter.text("00156"), 0, 50)).extracting(Member::memberNumber)
                .containsExactly(156);
    }

    @Test
    void theDatabaseAndTheSearchMakeTheSameKey() {
        for (String name : List.of("Soeparmi", "Djojo Tjokro", "Chairul Anwar", "Sitti Aminnah", "MUHAMMAD Ja'far", "Renée Çelik", "ÉMILE",
                "Sok Chea", "Oei Tjoe Liang", "  Wahjoedi  ")) {
            assertThat(dsl.select(org.jooq.impl.DSL.field("lumbung_search_key({0})", String.class, org.jooq.impl.DSL.val(name)))
                    .fetchOne(0, String.class)).as(name).isEqualTo(SpellingKey.of(name));
        }
        assertThat(SpellingKey.of("Soeparmi")).isEqualTo(SpellingKey.of("Suparmi")).isEqualTo("suparmi");
        assertThat(SpellingKey.of("Djojo")).isEqualTo(SpellingKey.of("Joyo"));
        assertThat(SpellingKey.of("Tjiptono")).isEqualTo(SpellingKey.of("Ciptono"));
        assertThat(SpellingKey.of("Chairul")).isEqualTo(SpellingKey.of("Khairul"));
        assertThat(SpellingKey.of("Sitti Aminnah")).isEqualTo(SpellingKey.of("Siti Aminah"));
    }

    private List<String> names(String typed) {
        return members.page(coop.id(), MemberFilter.text(typed), 0, 10).stream().map(Member::fullName).toList();
    }

    @Test
    void aNameIsRefusedWithWhatIsWrongAndNeverCut() {
        refused(() -> register("", "F", null, null), "member.name.missing");
        refused(() -> register("   ", "F", null, null), "member.name.missing");
        assertThatThrownBy(() -> register("A".repeat(5000), "F", null, null)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("member.name.too-long");
            assertThat(e.arguments()).containsExactly(200, 5000);
        });
        refused(() -> members.register(coop.id(), NewMember.basic("Tumini", "F", "V".repeat(101), null, JOINED)),
                "member.village.too-long");
        assertThat(members.count(coop.id(), MemberFilter.ALL)).isZero();
    }
}
