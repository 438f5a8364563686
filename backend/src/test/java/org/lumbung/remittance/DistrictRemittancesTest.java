package org.lumbung.remittance;

import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.cooperative.NewCooperative;
import org.lumbung.members.Member;
import org.lumbung.members.NewMember;
import org.lumbung.security.LumbungUser;
import org.lumbung.security.NewUser;
import org.lumbung.security.Role;
import org.lumbung.security.UserService;
import org.lumbung.testsupport.UniqueSuffix;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The district report: every cooperative of the district, for its district auditor only; the administrator names any. */
class DistrictRemittancesTest extends RemittanceTestBase {

    @Autowired
    DistrictRemittances district;
    @Autowired
    CooperativeService cooperatives;
    @Autowired
    UserService users;

    final String suffix = UniqueSuffix.next();
    final String wonogiri = "Kabupaten Uji " + suffix;
    final String madiun = "Kabupaten Lain " + suffix;

    Cooperative cooperativeIn(String code, String inDistrict) {
        return cooperatives.create(new NewCooperative(code + suffix, "Koperasi " + code, "Desa", inDistrict, "Jawa Timur", "ID", "IDR",
                "id", "Asia/Jakarta"));
    }

    /** MYR 100.00 at 3,550: Rp 355,000.00, all of it the cooperative's fee (no cash box or savings needed). */
    void remit(Cooperative c, Member m) {
        remittances.record(c.id(), new NewRemittance(m.id(), NOV_27, "MY", RemittanceChannel.MONEY_TRANSFER_OPERATOR, null, "MYR",
                new BigDecimal("100.00"), BigDecimal.ZERO, new BigDecimal("3550"), List.of(fee("355000.00")), null, key()));
    }

    Member memberOf(Cooperative c, String name) {
        return members.register(c.id(), NewMember.basic(name, "F", "Desa", null, LocalDate.of(2025, 1, 6)));
    }

    @Test
    void anAuditorSeesEveryCooperativeOfHerDistrictAndNoOtherDistrict() {
        Cooperative first = cooperativeIn("dra", wonogiri);
        Cooperative second = cooperativeIn("drb", wonogiri);
        Cooperative elsewhere = cooperativeIn("drc", madiun);
        Member siti = memberOf(first, "Siti");
        remit(first, siti);
        remit(first, siti);
        remit(first, memberOf(first, "Sri"));
        remit(elsewhere, memberOf(elsewhere, "Tumini"));
        users.create(new NewUser("auditor.uji" + suffix, "Hendro", Role.AUDITOR, null, "id", wonogiri), "a long enough password");
        LocalDate from = LocalDate.of(2026, 11, 1);
        LocalDate to = LocalDate.of(2026, 11, 30);

        List<DistrictRemittances.Line> lines = asAuditor(() -> district.report(wonogiri, from, to));
        assertThat(lines).extracting(DistrictRemittances.Line::cooperativeId).containsExactlyInAnyOrder(first.id(), second.id());
        DistrictRemittances.Line busy = lines.stream().filter(l -> l.cooperativeId() == first.id()).findFirst().orElseThrow();
        assertThat(busy.receipts()).isEqualTo(3);
        assertThat(busy.members()).isEqualTo(2);
        assertThat(busy.work().received()).isEqualByComparingTo("1065000.00");
        assertThat(busy.work().fees()).isEqualByComparingTo("1065000.00");
        assertThat(lines.stream().filter(l -> l.cooperativeId() == second.id()).findFirst().orElseThrow().receipts()).isZero();
        assertThat(asAuditor(() -> district.districts())).containsExactly(wonogiri);
        refused(() -> asAuditor(() -> district.report(madiun, from, to)), "remittance.district.other");
        // the administrator names any district
        assertThat(district.report(madiun, from, to)).singleElement().satisfies(l -> assertThat(l.receipts()).isEqualTo(1));
        refused(() -> district.report(" ", from, to), "remittance.district.missing");
    }

    private <T> T asAuditor(Supplier<T> work) {
        LumbungUser auditor = (LumbungUser) users.loadUserByUsername("auditor.uji" + suffix);
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(auditor, null, auditor.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
