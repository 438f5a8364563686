package org.lumbung.security;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.security.access.prepost.PreAuthorize;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lumbung.security.Role.ADMIN;
import static org.lumbung.security.Role.AUDITOR;
import static org.lumbung.security.Role.CHAIR;
import static org.lumbung.security.Role.FEDERATION;
import static org.lumbung.security.Role.MEMBER;
import static org.lumbung.security.Role.TREASURER;

/**
 * The access table is the README's permission matrix: every feature's rows are found, each row says what
 * the matrix says, and every service method asks the table (never a role list of its own).
 */
class AccessTableTest {

    static final AccessTable TABLE = AccessTable.fromClassPath();
    static final Pattern MAY = Pattern.compile("@access\\.may\\('([A-Z_]+)'\\)");

    /** The README's "Permission matrix", row by row. */
    static final Map<String, Set<Role>> README = new TreeMap<>(Map.ofEntries(
            Map.entry("SIGNED_IN", EnumSet.allOf(Role.class)),
            Map.entry("READ_OWN_SAVINGS", EnumSet.of(MEMBER)),
            Map.entry("CHANGE_OWN_PIN", EnumSet.of(MEMBER)),
            Map.entry("READ_DASHBOARD", EnumSet.of(TREASURER, CHAIR, AUDITOR, ADMIN)),
            Map.entry("READ_MEMBERS", EnumSet.of(TREASURER, CHAIR, AUDITOR, ADMIN)),
            Map.entry("READ_SAVINGS", EnumSet.of(TREASURER, CHAIR, AUDITOR, ADMIN)),
            Map.entry("READ_LEDGER", EnumSet.of(TREASURER, CHAIR, AUDITOR, FEDERATION, ADMIN)),
            Map.entry("READ_PROFILE", EnumSet.of(TREASURER, CHAIR, AUDITOR, ADMIN)),
            Map.entry("READ_AUDIT_LOG", EnumSet.of(CHAIR, AUDITOR, ADMIN)),
            Map.entry("REGISTER_MEMBERS", EnumSet.of(TREASURER, CHAIR, ADMIN)),
            Map.entry("RECORD_SAVINGS", EnumSet.of(TREASURER, CHAIR, ADMIN)),
            Map.entry("MANAGE_MEMBER_SIGN_IN", EnumSet.of(TREASURER, CHAIR, ADMIN)),
            Map.entry("MANAGE_PRODUCTS", EnumSet.of(CHAIR, ADMIN)),
            Map.entry("EDIT_PROFILE", EnumSet.of(CHAIR, ADMIN)),
            Map.entry("POST_ENTRY", EnumSet.of(TREASURER, CHAIR, ADMIN)),
            Map.entry("DECIDE_APPROVAL", EnumSet.of(CHAIR, ADMIN)),
            Map.entry("CLOSE_PERIOD", EnumSet.of(CHAIR, ADMIN)),
            Map.entry("MANAGE_USERS", EnumSet.of(CHAIR, ADMIN)),
            Map.entry("FOUND_COOPERATIVE", EnumSet.of(ADMIN)),
            Map.entry("MANAGE_API_TOKENS", EnumSet.of(ADMIN)),
            Map.entry("READ_LOANS", EnumSet.of(TREASURER, CHAIR, AUDITOR, ADMIN)),
            Map.entry("READ_OWN_LOANS", EnumSet.of(MEMBER)),
            Map.entry("APPLY_LOAN", EnumSet.of(TREASURER, CHAIR, ADMIN)),
            Map.entry("RUN_LOAN_CLOSE", EnumSet.of(TREASURER, CHAIR, ADMIN)),
            Map.entry("DISBURSE_LOAN", EnumSet.of(TREASURER, CHAIR, ADMIN)),
            Map.entry("RECORD_REPAYMENT", EnumSet.of(TREASURER, CHAIR, ADMIN)),
            Map.entry("MANAGE_LOAN_PRODUCTS", EnumSet.of(CHAIR, ADMIN)),
            Map.entry("APPROVE_LOAN", EnumSet.of(CHAIR, ADMIN)),
            Map.entry("WRITE_OFF_LOAN", EnumSet.of(CHAIR, ADMIN)),
            Map.entry("READ_RATES", EnumSet.of(TREASURER, CHAIR, AUDITOR, ADMIN)),
            Map.entry("RECORD_RATES", EnumSet.of(TREASURER, CHAIR, ADMIN)),
            Map.entry("DECIDE_RATES", EnumSet.of(CHAIR, ADMIN)),
            Map.entry("RECORD_REMITTANCE", EnumSet.of(TREASURER, CHAIR, ADMIN)),
            Map.entry("VIEW_REMITTANCES", EnumSet.of(TREASURER, CHAIR, AUDITOR, ADMIN)),
            Map.entry("VIEW_OWN_REMITTANCES", EnumSet.of(MEMBER)),
            Map.entry("VIEW_DISTRICT_REMITTANCES", EnumSet.of(AUDITOR, ADMIN)),
            Map.entry("READ_SHOP", EnumSet.of(TREASURER, CHAIR, AUDITOR, ADMIN)),
            Map.entry("READ_OWN_PURCHASES", EnumSet.of(MEMBER)),
            Map.entry("SELL", EnumSet.of(TREASURER, CHAIR, ADMIN)),
            Map.entry("MANAGE_SHOP", EnumSet.of(TREASURER, CHAIR, ADMIN)),
            Map.entry("SET_SHOP_LIMITS", EnumSet.of(CHAIR, ADMIN)),
            Map.entry("MAKE_AUDIT_PACK", EnumSet.of(TREASURER, CHAIR, AUDITOR, ADMIN)),
            Map.entry("READ_DISTRICT", EnumSet.of(AUDITOR, FEDERATION, ADMIN)),
            Map.entry("IMPORT_AUDIT_PACK", EnumSet.of(AUDITOR, ADMIN)),
            Map.entry("READ_OUTCOMES", EnumSet.of(TREASURER, CHAIR, AUDITOR, FEDERATION, ADMIN)),
            Map.entry("MANAGE_FEDERATIONS", EnumSet.of(ADMIN)),
            Map.entry("MAKE_BACKUP", EnumSet.of(TREASURER, CHAIR, ADMIN))));

    @Test
    void everyFeaturesRowsAreFoundAndSayWhatTheReadmeSays() {
        Map<String, Set<Role>> table = new TreeMap<>();
        TABLE.abilities().forEach(a -> table.put(a.name(), EnumSet.copyOf(a.roles())));
        assertThat(table).isEqualTo(README);
        // rows come from the features' own enums, not from a central list
        assertThat(TABLE.abilities().stream().map(a -> a.getClass().getPackageName()).collect(Collectors.toSet()))
                .contains("org.lumbung.ledger", "org.lumbung.savings", "org.lumbung.loans", "org.lumbung.members", "org.lumbung.security");
    }

    @Test
    void aTreasurerPostsButNeitherClosesPeriodsNorApproves() {
        assertThat(TABLE.allows(TREASURER, "POST_ENTRY")).isTrue();
        assertThat(TABLE.allows(TREASURER, "CLOSE_PERIOD")).isFalse();
        assertThat(TABLE.allows(TREASURER, "DECIDE_APPROVAL")).isFalse();
        assertThat(TABLE.allows(AUDITOR, "READ_LEDGER")).isTrue();
        assertThat(TABLE.allows(AUDITOR, "POST_ENTRY")).isFalse();
        assertThat(TABLE.allows(MEMBER, "READ_LEDGER")).isFalse();
    }

    /** "Like a district auditor, read-only": a federation has reading abilities only, and no reading of people's records. */
    @Test
    void aFederationReadsStatementsOutcomesAndTheConsoleAndNothingElse() {
        assertThat(TABLE.abilities().stream().filter(a -> a.roles().contains(FEDERATION)).map(Ability::name))
                .containsExactlyInAnyOrder("SIGNED_IN", "READ_LEDGER", "READ_DISTRICT", "READ_OUTCOMES");
    }

    @Test
    void anUnknownAbilityIsAnErrorNotARefusal() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TABLE.allows(ADMIN, "POST_ENTRIES"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("POST_ENTRIES");
    }

    /** A typo in an expression would fail only when the method is called: every expression is read here. */
    @Test
    void everyServiceMethodAsksTheTableForAnAbilityThatExists() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile("org\\.lumbung\\..*")));
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (var candidate : scanner.findCandidateComponents("org.lumbung")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            List<AnnotatedElement> elements = new ArrayList<>(Arrays.asList(type.getDeclaredMethods()));
            elements.add(type);
            for (AnnotatedElement element : elements) {
                PreAuthorize rule = element.getAnnotation(PreAuthorize.class);
                if (rule == null) {
                    continue;
                }
                checked++;
                Matcher m = MAY.matcher(rule.value());
                if (!m.matches()) {
                    problems.add(element + ": " + rule.value() + " is not @access.may('ABILITY')");
                } else if (TABLE.find(m.group(1)).isEmpty()) {
                    problems.add(element + ": no feature declares " + m.group(1));
                }
            }
        }
        assertThat(checked).isGreaterThan(50);
        assertThat(problems).isEmpty();
    }
}
