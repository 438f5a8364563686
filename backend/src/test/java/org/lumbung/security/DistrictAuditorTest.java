package org.lumbung.security;

import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.cooperative.NewCooperative;
import org.lumbung.platform.DomainException;
import org.lumbung.testsupport.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A district auditor sees the cooperatives of their district, read-only, and nothing else. */
class DistrictAuditorTest extends DatabaseTest {

    @Autowired
    UserService users;
    @Autowired
    AccessPolicy access;
    @Autowired
    CooperativeService cooperatives;

    private Cooperative cooperative(String code, String district) {
        return cooperatives.create(new NewCooperative(code, "Koperasi " + code, "Desa", district, "Jawa Timur", "ID", "IDR",
                "id", "Asia/Jakarta"));
    }

    @Test
    void anAuditorReadsTheCooperativesOfTheirDistrictOnly() {
        Cooperative ponorogo1 = cooperative("da-pon1", "Kabupaten Ponorogo");
        Cooperative ponorogo2 = cooperative("da-pon2", "Kabupaten Ponorogo");
        Cooperative madiun = cooperative("da-mdn", "Kabupaten Madiun");
        assertThatThrownBy(() -> users.create(new NewUser("auditor.nodistrict", "No District", Role.AUDITOR, null, "id", null),
                "a long enough password")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("user.district.required"));
        users.create(new NewUser("auditor.ponorogo", "Hendro Susanto", Role.AUDITOR, null, "id", "Kabupaten Ponorogo"),
                "a long enough password");

        UserAccount auditor = users.loadUserByUsername("auditor.ponorogo").account();
        assertThat(auditor.districtCooperatives()).containsExactlyInAnyOrder(ponorogo1.id(), ponorogo2.id());
        assertThat(access.canRead(auditor, ponorogo1.id())).isTrue();
        assertThat(access.canRead(auditor, madiun.id())).isFalse();
        assertThat(UserCooperativeScope.scopeOf(auditor)).isEqualTo(Math.min(ponorogo1.id(), ponorogo2.id()) + ","
                + Math.max(ponorogo1.id(), ponorogo2.id()));
        assertThat(AccessTable.fromClassPath().allows(auditor.role(), "POST_ENTRY")).isFalse();
    }

    @Test
    @org.springframework.security.test.context.support.WithMockUser(username = "ketua", roles = "CHAIR")
    void aChairCannotMoveHerCooperativeOutOfHerDistrictAuditorsView() {
        Cooperative coop = org.lumbung.security.SystemActor.run(() -> cooperative("da-move", "Kabupaten Ponorogo"));
        assertThatThrownBy(() -> cooperatives.updateProfile(coop.id(), profile(coop, "Kabupaten Madiun")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("cooperative.district.admin-only"));
        assertThat(cooperatives.updateProfile(coop.id(), profile(coop, "Kabupaten Ponorogo")).legalNumber())
                .as("the rest of the profile is hers to edit").isEqualTo("AHU-1");
        assertThat(org.lumbung.security.SystemActor.run(() -> cooperatives.updateProfile(coop.id(), profile(coop, "Kabupaten Madiun")))
                .district()).as("the administrator (or Lumbung itself) moves it").isEqualTo("Kabupaten Madiun");
    }

    /** A cooperative founded without a district is in no district (no auditor's ""), and a place too long is refused. */
    @Test
    void aCooperativeIsFoundedWithItsPlacesAsTheProfileKeepsThem() {
        Cooperative blank = cooperative("da-blank", "  ");
        assertThat(blank.district()).isNull();
        assertThat(cooperative("da-strip", " Kabupaten Pacitan ").district()).isEqualTo("Kabupaten Pacitan");
        assertThatThrownBy(() -> cooperative("da-long", "K".repeat(101))).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("cooperative.district.too-long"));
        assertThat(cooperatives.list()).extracting(Cooperative::code).doesNotContain("da-long");
    }

    private static org.lumbung.cooperative.CooperativeProfile profile(Cooperative c, String district) {
        return new org.lumbung.cooperative.CooperativeProfile(c.name(), "AHU-1", null, c.village(), district, c.province(),
                null, null, 1, c.defaultLocale(), c.duesDay(), c.foundedOn());
    }
}
