package org.lumbung.savings;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.lumbung.members.Member;
import org.lumbung.members.MemberStatus;
import org.lumbung.members.NationalIdKind;
import org.lumbung.members.NewMember;
import org.lumbung.security.LumbungUser;
import org.lumbung.security.NewUser;
import org.lumbung.security.Role;
import org.lumbung.security.UserService;
import org.lumbung.testsupport.PdfPages;
import org.lumbung.testsupport.UniqueSuffix;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.LocalDate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Receipts for members of the region, whatever their script: the name printed is the name written (read back
 * from the PDF), in fonts the PDF carries, so a phone or a print shop without those fonts shows it too.
 */
class ReceiptScriptsTest extends SavingsTestBase {

    @Autowired
    ReceiptDocument receipts;
    @Autowired
    UserService users;

    @BeforeEach
    void setUp() {
        cooperativeWithProducts("rs-" + UniqueSuffix.next());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Siti Aminah", "สมชาย ใจดี", "សុខ ចាន់", "ສົມພອນ ແກ້ວມະນີ", "အောင်ကျော်", "ꦱꦸꦥꦂꦩꦶ", "Nguyễn Thị Hoa"})
    void aReceiptPrintsTheMembersNameInItsOwnScript(String name) {
        Member member = member(name, LocalDate.of(2025, 12, 6));
        Booked paid = deposit(account(member, SavingsKind.VOLUNTARY), "50000", JAN_10);

        byte[] pdf = receipts.pdf(coop.id(), paid.transaction().receiptNumber());

        assertThat(PdfPages.text(pdf)).contains(name);
        assertThat(PdfPages.fonts(pdf)).isNotEmpty().allSatisfy((font, embedded) ->
                assertThat(embedded).as("%s is embedded", font).isTrue());
        assertThat(PdfPages.pages(pdf)).isEqualTo(1);
        assertThat(pdf.length).as("only the glyphs used are embedded").isLessThan(120_000);
    }

    @Test
    void aReceiptSaysWhoRecordedItByNameAndItsDateUnambiguously() {
        users.createDemo(new NewUser("rs-treasurer-" + coop.id(), "Sri Rahayu", Role.TREASURER, coop.id(), "id", null), "demo-password-1");
        Member siti = member("Siti Aminah", LocalDate.of(2025, 12, 6));
        Member maria = members.register(coop.id(), new NewMember("Maria Tan", "F", NationalIdKind.NONE, null, null, "Ngrupit",
                null, null, null, null, "en", LocalDate.of(2025, 12, 6), MemberStatus.ACTIVE));
        Booked hers = recordedBy("rs-treasurer-" + coop.id(), () -> deposit(account(siti, SavingsKind.VOLUNTARY), "50000", JAN_10));
        Booked english = recordedBy("rs-treasurer-" + coop.id(), () -> deposit(account(maria, SavingsKind.VOLUNTARY), "50000", JAN_10));

        assertThat(PdfPages.text(receipts.pdf(coop.id(), hers.transaction().receiptNumber())))
                .contains("Dicatat oleh", "Sri Rahayu", "10 Jan 2026").doesNotContain("rs-treasurer");
        assertThat(PdfPages.text(receipts.pdf(coop.id(), english.transaction().receiptNumber())))
                .contains("Sri Rahayu", "10 Jan 2026").doesNotContain("1/10/26", "January 10");
    }

    /** The deposit recorded by that person, signed in as the sign-in form does it. */
    private Booked recordedBy(String username, Supplier<Booked> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        LumbungUser user = users.loadUserByUsername(username);
        context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
