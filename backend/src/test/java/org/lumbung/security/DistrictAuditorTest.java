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
}
