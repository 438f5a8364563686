package org.lumbung.ledger;

import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.i18n.DateText;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.security.NewUser;
import org.lumbung.security.Role;
import org.lumbung.security.UserService;
import org.lumbung.testsupport.DatabaseTest;
import org.lumbung.testsupport.PdfPages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-page certificate a district office files: cooperative, date, the entries covered with the last one's
 * seal time, the head fingerprint, and who verified it — the signed-in person by name, never a parameter.
 */
class ChainCertificateTest extends DatabaseTest {

    @Autowired
    LedgerService ledger;
    @Autowired
    ChainCertificate certificates;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    UserService users;

    @Test
    @WithMockUser(username = "cert-auditor", roles = "ADMIN")
    void theCertificateStatesTheHeadItCoversAndWhoVerifiedIt() throws java.io.IOException {
        Cooperative c = newCooperative("cert");
        users.createDemo(new NewUser("cert-auditor", "Dewi Lestari", Role.ADMIN, null, "id", null), "demo-password-1");
        JournalEntry last = null;
        for (int i = 1; i <= 3; i++) {
            last = ledger.post(new PostingRequest(c.id(), "cert-key-000" + i, LocalDate.now(c.zone()), "deposit " + i, "MANUAL", null,
                    List.of(PostingLine.debit("1100", new BigDecimal("1000")), PostingLine.credit("2100", new BigDecimal("1000"))),
                    "treasurer")).entry();
        }

        byte[] english = certificates.pdf(c.id(), Locale.ENGLISH);
        byte[] indonesian = certificates.pdf(c.id(), Messages.INDONESIAN);

        String sealed = DateText.dateTime(verifier.sealedAt(c.id(), 3), c.zone(), Locale.ENGLISH);
        assertThat(PdfPages.text(english)).contains("Certificate of ledger chain verification", "Koperasi cert (cert)",
                "Verified by", "Dewi Lestari", "Intact", "1 to 3", sealed, last.hash(),
                DateText.date(LocalDate.now(c.zone()), Locale.ENGLISH)).doesNotContain("cert-auditor");
        assertThat(PdfPages.text(indonesian)).contains("Sertifikat verifikasi rantai buku besar", "Dewi Lestari", "Utuh",
                "1 sampai 3", last.hash());
        assertThat(PdfPages.pages(english)).isEqualTo(1);
        // kept for a look (docs/screenshots/chain-certificate.png is made from it)
        java.nio.file.Files.write(java.nio.file.Path.of("target", "chain-certificate-en.pdf"), english);
        java.nio.file.Files.write(java.nio.file.Path.of("target", "chain-certificate-id.pdf"), indonesian);
        assertThat(PdfPages.fonts(english)).allSatisfy((font, embedded) -> assertThat(embedded).as(font).isTrue());
    }
}
