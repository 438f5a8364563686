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
