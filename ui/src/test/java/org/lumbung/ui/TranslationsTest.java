package org.lumbung.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumbung.platform.i18n.Messages;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text exists in English and in Bahasa Indonesia, with the same placeholders; each feature's bundles are
 * found on the class path, and a key lives in one bundle only.
 */
class TranslationsTest {

    static java.util.List<String> bundles() {
        return Messages.bundles();
    }

    @Test
    void everyFeatureBringsItsBundlesAndNoKeyIsInTwo() throws Exception {
        assertThat(bundles()).contains("i18n/app/ui", "i18n/ledger/ui", "i18n/ledger/errors", "i18n/savings/documents");
        java.util.Map<String, String> owner = new java.util.HashMap<>();
        for (String bundle : bundles()) {
            for (String key : load("/" + bundle + ".properties").stringPropertyNames()) {
                String earlier = owner.put(key, bundle);
                assertThat(earlier).as("%s is in %s and %s", key, earlier, bundle).isNull();
            }
        }
        assertThat(Messages.get("nav.dashboard", Messages.INDONESIAN)).doesNotStartWith("!");
    }

    @Test
    void everyActionTheCodeWritesToTheAuditLogHasItsLabel() throws Exception {
        java.util.regex.Pattern written = java.util.regex.Pattern.compile(
                "audit\\.(?:done|refused|record)\\([^,\"]+,\\s*\"([A-Z][A-Z_]+)\"");
        java.util.Set<String> actions = new java.util.TreeSet<>();
        for (String root : new String[] {"../backend/src/main/java", "src/main/java"}) {
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(java.nio.file.Path.of(root))) {
                for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    java.util.regex.Matcher m = written.matcher(java.nio.file.Files.readString(file));
                    while (m.find()) {
                        actions.add(m.group(1));
                    }
                }
            }
        }
        assertThat(actions).as("the walk found the actions").contains("SHOP_SALE", "BACKUP", "REMITTANCE");
        for (String action : actions) {
            for (java.util.Locale locale : java.util.List.of(Messages.ENGLISH, Messages.INDONESIAN)) {
                assertThat(Messages.find("audit.action." + action, locale)).as("audit.action.%s", action).isNotNull();
            }
        }
    }

    private static Properties load(String path) throws Exception {
        Properties p = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void bothLanguagesHaveTheSameKeysAndPlaceholders(String bundle) throws Exception {
        Properties en = load("/" + bundle + ".properties");
        Properties id = load("/" + bundle + "_id.properties");
        assertThat(id.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            assertThat(placeholders(id.getProperty(key))).as(key).isEqualTo(placeholders(en.getProperty(key)));
            assertThat(id.getProperty(key)).as(key).isNotBlank();
            for (String text : new String[]{en.getProperty(key), id.getProperty(key)}) {
                if (!placeholders(text).isEmpty()) {
                    // MessageFormat reads a lone ' as the start of a quote: it swallows the arguments after it
                    assertThat(text.replace("''", "")).as("%s: write an apostrophe as '' in a text with arguments", key)
                            .doesNotContain("'");
                } else {
                    // a text without arguments is shown as written: a doubled apostrophe would show doubled
                    assertThat(text).as("%s: write an apostrophe once in a text without arguments", key).doesNotContain("''");
                }
            }
        }
    }

    private static java.util.Set<String> placeholders(String text) {
        java.util.Set<String> found = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\d+}").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
