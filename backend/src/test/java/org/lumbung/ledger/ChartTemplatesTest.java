package org.lumbung.ledger;

import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.savings.SavingsAccountRole;
import org.lumbung.testsupport.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Account roles: every role a feature declares has an account in every chart template, a cooperative's
 * services find it by role, and no service names an account by a literal code.
 */
class ChartTemplatesTest extends DatabaseTest {

    @Autowired
    ChartTemplates templates;
    @Autowired
    ChartOfAccounts chart;

    @Test
    void everyRoleOfEveryFeatureHasAnAccountInEveryTemplate() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(AccountRole.class));
        List<AccountRole> roles = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("org.lumbung")) {
            roles.addAll(List.of((AccountRole[]) Class.forName(candidate.getBeanClassName()).getEnumConstants()));
        }
        assertThat(roles).contains(LedgerAccountRole.CASH, SavingsAccountRole.SAVINGS_INTEREST_EXPENSE);
        assertThat(templates.templates()).contains("ID-KSP-2024");
        for (String template : templates.templates()) {
            for (AccountRole role : roles) {
                String code = templates.code(template, role);
                assertThat(templates.accounts(template)).as("%s of %s", role, template).anyMatch(row -> row[0].equals(code));
            }
        }
    }

    @Test
    void aCooperativesServicesFindTheirAccountsByRole() {
        Cooperative coop = newCooperative("roles");
        assertThat(coop.chartTemplate()).isEqualTo("ID-KSP-2024");
        assertThat(chart.code(coop.id(), LedgerAccountRole.CASH)).isEqualTo("1100");
        assertThat(chart.account(coop.id(), SavingsAccountRole.MEMBER_SHARE_CAPITAL).nameId()).isEqualTo("Simpanan Pokok");
        assertThat(chart.account(coop.id(), SavingsAccountRole.SAVINGS_INTEREST_EXPENSE).code()).isEqualTo("5200");
        assertThat(chart.fxPositionAccount(coop.id(), "MYR").code()).isEqualTo("1900.MYR");
    }

    /** A literal like "1100" in a service ties it to one chart; roles are looked up instead. */
    @Test
    void noServiceNamesAnAccountByItsCode() throws IOException {
        Pattern literalCode = Pattern.compile("\"[1-9][0-9]{3}(\\.[0-9A-Z]+)?\"");
        List<String> found = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/org/lumbung"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(source);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    boolean comment = line.startsWith("*") || line.startsWith("/*") || line.startsWith("//");
                    if (!comment && literalCode.matcher(line).find()) {
                        found.add(source + ":" + (i + 1) + " " + line);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
