package org.lumbung.members;

import org.jooq.Query;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.testsupport.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lumbung.db.jooq.Tables.MEMBER;

/**
 * The search's plans with 100,000 members (the registry of a large cooperative): a name is looked up along
 * the trigram index of the spelling key, never by reading every member. The plans are printed (EXPLAIN ANALYZE) for the record; no timing is asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberSearchPlanTest extends DatabaseTest {

    static final int MEMBERS = 100_000;

    @Autowired
    MemberService members;

    Cooperative coop;

    @BeforeAll
    void fillTheRegistry() {
        // before each test's own sign-in: as the system, like the sample data
        coop = org.lumbung.security.SystemActor.run(() -> newCooperative("plan-100k"));
        org.lumbung.security.SystemActor.run(() -> dsl.execute("""
                insert into member (cooperative_id, member_number, full_name, gender, joined_on, status_since)
                select {0}, n,
                       (array['Siti','Sri','Suparmi','Tumini','Joko','Budi','Khairul','Wahyuni','Sumarno','Painem'])[1 + n % 10]
                       || ' ' || (array['Aminah','Lestari','Santoso','Wibowo','Rahayu','Susilo','Hartono','Ningsih'])[1 + (n / 10) % 8]
                       || ' ' || md5(n::text)::varchar(6),
                       case when n % 2 = 0 then 'F' else 'M' end, date '2020-01-01', date '2020-01-01'
                from generate_series(1, {1}) n""", coop.id(), MEMBERS));
        org.lumbung.security.SystemActor.run(() -> dsl.execute("analyze member"));
    }

    private String plan(String typed) {
        MemberFilter filter = MemberFilter.text(typed);
        Query query = dsl.selectFrom(MEMBER).where(MemberSearch.condition(coop.id(), filter))
                .orderBy(MemberSearch.order(filter)).limit(50);
        String plan = dsl.fetch("explain (analyze, costs off) " + dsl.renderInlined(query)).stream()
                .map(r -> r.get(0, String.class)).collect(Collectors.joining("\n"));
        System.out.println("EXPLAIN of the member search for \"" + typed + "\" among " + MEMBERS + " members:\n" + plan);
        return plan;
    }

    @Test
    void aNameInTheOldSpellingIsFoundAlongTheSpellingKeyIndex() {
        assertThat(plan("Soeparmi Wibowo")).contains("member_search_name_trgm").doesNotContain("Seq Scan");
        assertThat(members.page(coop.id(), MemberFilter.text("Soeparmi Wibowo"), 0, 5))
                .allSatisfy(m -> assertThat(m.fullName()).startsWith("Suparmi Wibowo"));
    }

    @Test
    void leadingDigitsFindMemberNumbers() {
        // digits are also a phone number or a NIK, searched in the same OR: the plan is printed for the record
        plan("15");
        plan("15678");
        assertThat(members.page(coop.id(), MemberFilter.text("15"), 0, 3)).extracting(Member::memberNumber)
                .containsExactly(15, 150, 151);
    }
}
