package org.lumbung.sampledata;

import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.ChainVerifier;
import org.lumbung.members.MemberFilter;
import org.lumbung.members.MemberService;
import org.lumbung.members.MemberStatus;
import org.lumbung.savings.DuesService;
import org.lumbung.testsupport.BackendTestApplication;
import org.lumbung.testsupport.FreshDatabaseInitializer;
import org.lumbung.testsupport.LedgerInvariants;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample cooperative loads through the services, and the ledger's invariants hold after it. */
@SpringBootTest(properties = "lumbung.sample-data.enabled=true")
@ContextConfiguration(classes = BackendTestApplication.class, initializers = FreshDatabaseInitializer.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@WithMockUser(username = "test-admin", roles = "ADMIN")
class SampleDataTest {

    @Autowired
    CooperativeService cooperatives;
    @Autowired
    MemberService members;
    @Autowired
    DuesService dues;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    DSLContext dsl;

    @Test
    void theSampleCooperativeHasAHundredAndFiftyMembersWithTwoYearsOfSavings() {
        Cooperative ngrupit = cooperatives.byCode("ngrupit");
        assertThat(members.count(ngrupit.id(), MemberFilter.ALL)).isEqualTo(150);
        assertThat(members.count(ngrupit.id(), new MemberFilter(null, null, null, "F", null))).isGreaterThan(120);
        assertThat(members.count(ngrupit.id(), new MemberFilter(null, null, null, null, true))).isGreaterThan(90);
        assertThat(members.count(ngrupit.id(), new MemberFilter(null, MemberStatus.APPLICANT, null, null, null))).isEqualTo(3);
        assertThat(members.count(ngrupit.id(), new MemberFilter(null, MemberStatus.EXITED, null, null, null))).isEqualTo(1);
        assertThat(members.count(ngrupit.id(), new MemberFilter(null, MemberStatus.SUSPENDED, null, null, null))).isEqualTo(1);
        // what the dashboard shows and the README quotes: 3 applicants, 1 suspended and 1 who left are not active
        assertThat(members.countActive(ngrupit.id())).isEqualTo(145);
        assertThat(members.page(ngrupit.id(), MemberFilter.text("Siti Aminah"), 0, 3)).extracting(m -> m.fullName())
                .containsExactlyInAnyOrder("Siti Aminah", "Siti Aminnah", "Sitti Aminah");
        assertThat(dues.arrears(ngrupit.id(), LocalDate.of(2026, 11, 7))).isNotEmpty();
        assertThat(dsl.fetchCount(dsl.selectFrom("savings_transaction"))).isGreaterThan(3_000);
        assertThat(dsl.fetchCount(dsl.selectFrom("savings_interest_run"))).isGreaterThan(20);
        LedgerInvariants.assertHold(dsl, verifier, ngrupit.id());
    }
}
