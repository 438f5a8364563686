package org.lumbung.federation;

import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.cooperative.NewCooperative;
import org.lumbung.district.DistrictConsole;
import org.lumbung.district.DistrictRow;
import org.lumbung.district.Outcomes;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.platform.DomainException;
import org.lumbung.reports.FinancialStatements;
import org.lumbung.security.AccessPolicy;
import org.lumbung.security.LumbungUser;
import org.lumbung.security.NewUser;
import org.lumbung.security.Role;
import org.lumbung.security.SystemActor;
import org.lumbung.security.UserAccount;
import org.lumbung.security.UserService;
import org.lumbung.testsupport.AppRoleDatabaseInitializer;
import org.lumbung.testsupport.BackendTestApplication;
import org.lumbung.testsupport.TestPostgres;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lumbung.db.jooq.Tables.COOPERATIVE;
import static org.lumbung.db.jooq.Tables.MEMBER;

/**
 * A federation's sign-in reads its member cooperatives across districts — through the services, and underneath
 * through row-level security, the application connected as lumbung_app as in production — and no other; it never
 * writes: the access table refuses its posting, and PostgreSQL refuses a write of its session even where no service
 * asked.
 */
@SpringBootTest(classes = BackendTestApplication.class, properties = "lumbung.sample-data.enabled=false")
@ContextConfiguration(initializers = AppRoleDatabaseInitializer.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class FederationTest {

    static final String PASSWORD = "padi menguning di sawah";

    @Autowired
    DSLContext dsl;
    @Autowired
    CooperativeService cooperatives;
    @Autowired
    Federations federations;
    @Autowired
    UserService users;
    @Autowired
    AccessPolicy access;
    @Autowired
    DistrictConsole console;
    @Autowired
    Outcomes outcomes;
    @Autowired
    FinancialStatements statements;
    @Autowired
    LedgerService ledger;

    @Test
    void aFederationReadsItsMemberCooperativesOnlyAndNeverWrites() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestPostgres.embedded(), "the lumbung_app role exists on the embedded test server");
        Cooperative ponorogo = SystemActor.run(() -> cooperative("fed-pon", "Kabupaten Ponorogo"));
        Cooperative blitar = SystemActor.run(() -> cooperative("fed-blt", "Kabupaten Blitar"));
        Cooperative outsider = SystemActor.run(() -> cooperative("fed-out", "Kabupaten Ponorogo"));
        Federation federation = SystemActor.run(() -> {
            Federation f = federations.create("fkpmi-test", "Federasi Koperasi Purna Migran");
            federations.assign(ponorogo.id(), Optional.of(f.id()));
            federations.assign(blitar.id(), Optional.of(f.id()));
            ledger.post(new PostingRequest(outsider.id(), "fed-outsider", LocalDate.of(2026, 11, 2), "deposit", "MANUAL", null,
                    List.of(PostingLine.debit("1100", BigDecimal.TEN), PostingLine.credit("2100", BigDecimal.TEN)), "system"));
            return f;
        });
        assertThatThrownBy(() -> SystemActor.run(() -> users.create(new NewUser("fed.nofederation", "Tanpa Federasi",
                Role.FEDERATION, null, "id", null), PASSWORD))).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("user.federation.required"));
        SystemActor.run(() -> users.create(new NewUser("fed.office", "Ibu Dewi Lestari", Role.FEDERATION, null, "id", null,
                federation.id()), PASSWORD));

        LumbungUser office = users.loadUserByUsername("fed.office");
        UserAccount account = office.account();
        assertThat(account.federationCooperatives()).containsExactlyInAnyOrder(ponorogo.id(), blitar.id());
        assertThat(access.canRead(account, outsider.id())).isFalse();

        signedIn(office, () -> {
            assertThat(console.rows()).extracting(DistrictRow::code).containsExactly("fed-blt", "fed-pon");
            assertThat(outcomes.ofAll(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30)).cooperatives()).isEqualTo(2);
            assertThat(statements.balanceSheet(blitar.id(), LocalDate.of(2026, 11, 30), "IDR")).isNotNull();
            assertThat(cooperatives.list()).extracting(Cooperative::code).containsExactly("fed-blt", "fed-pon");
            assertThatThrownBy(() -> access.requireRead(outsider.id())).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.messageKey()).isEqualTo("cooperative.not-found"));
            assertThat(dsl.fetchCount(COOPERATIVE)).as("row-level security: a query without a filter").isEqualTo(2);

            assertThatThrownBy(() -> ledger.post(new PostingRequest(ponorogo.id(), "fed-post", LocalDate.of(2026, 11, 2), "deposit",
                    "MANUAL", null, List.of(PostingLine.debit("1100", BigDecimal.TEN), PostingLine.credit("2100", BigDecimal.TEN)),
                    "fed.office"))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> dsl.update(COOPERATIVE).set(COOPERATIVE.NAME, "Renamed").where(COOPERATIVE.ID.eq(ponorogo.id()))
                    .execute()).as("a read-only session").rootCause().hasMessageContaining("policy \"read_only_update\"");
            assertThatThrownBy(() -> dsl.insertInto(MEMBER).set(MEMBER.COOPERATIVE_ID, ponorogo.id()).set(MEMBER.MEMBER_NUMBER, 99)
                    .set(MEMBER.FULL_NAME, "Intruder").set(MEMBER.GENDER, "F").set(MEMBER.JOINED_ON, LocalDate.of(2026, 1, 1))
                    .execute()).rootCause().hasMessageContaining("policy \"read_only_insert\"");
            users.changeLocale("fed.office", "en"); // her own sign-in's language is hers to choose
            return null;
        });
        assertThat(SystemActor.run(() -> cooperatives.byId(ponorogo.id()).name())).isEqualTo("Koperasi fed-pon");
        assertThat(users.loadUserByUsername("fed.office").account().locale()).isEqualTo("en");
    }

    @Test
    void aCooperativeBelongsToOneFederationAtMostAndOnlyTheAdministratorDecides() {
        Cooperative c = SystemActor.run(() -> cooperative("fed-move", "Kabupaten Madiun"));
        SystemActor.run(() -> {
            Federation first = federations.create("fed-first", "Federasi Pertama");
            Federation second = federations.create("fed-second", "Federasi Kedua");
            federations.assign(c.id(), Optional.of(first.id()));
            federations.assign(c.id(), Optional.of(second.id()));
            assertThat(federations.memberships()).containsEntry(c.id(), second.id());
            federations.assign(c.id(), Optional.empty());
            assertThat(federations.memberships()).doesNotContainKey(c.id());
            assertThatThrownBy(() -> federations.create("Bad Code", "x")).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.messageKey()).isEqualTo("federation.code.invalid"));
            assertThatThrownBy(() -> federations.create("fed-first", "Again")).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.messageKey()).isEqualTo("federation.code.taken"));
            return null;
        });
        assertThatThrownBy(() -> org.lumbung.testsupport.SignedIn.as("ketua", "CHAIR", () -> federations.list()))
                .isInstanceOf(AccessDeniedException.class);
    }

    private Cooperative cooperative(String code, String district) {
        return cooperatives.create(new NewCooperative(code, "Koperasi " + code, "Desa", district, "Jawa Timur", "ID", "IDR",
                "id", "Asia/Jakarta"));
    }

    private static <T> T signedIn(LumbungUser user, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
