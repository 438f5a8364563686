package org.lumbung.ledger;

import org.lumbung.platform.i18n.Messages;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A journal entry's description in the reader's language. The stored description is sealed into the hash
 * chain: it is evidence, written once and never rewritten, so an auditor recomputing a fingerprint needs it
 * exactly as stored. Lumbung writes the descriptions it composes itself in a fixed code form — a kind code,
 * then codes, numbers and the person's own words ("DEPOSIT WAJIB 2100.00042: kiriman HK", "Reversal of #12:
 * …") — and screens show them with the kind in the reader's words ("Setoran WAJIB 2100.00042: kiriman HK").
 * The sealed text itself stays visible on the entry's own dialog. People's descriptions are shown as written.
 */
public final class EntryDescriptions {

    private static final Pattern REVERSAL = Pattern.compile("Reversal of #(\\d+): (.*)", Pattern.DOTALL);
    private static final Pattern KIND = Pattern.compile("(OPENING BALANCE|YEAR CLOSE|SHU DISTRIBUTION|SHU PAYOUT|[A-Z][A-Z_]+)((?:[ :].*)?)",
            Pattern.DOTALL);

    private EntryDescriptions() {
    }

    public static String readable(String sealed, Locale locale) {
        if (sealed == null) {
            return "";
        }
        Matcher reversal = REVERSAL.matcher(sealed);
        if (reversal.matches()) {
            return Messages.get("entry.description.reversal", locale, Long.valueOf(reversal.group(1)),
                    readable(reversal.group(2), locale));
        }
        Matcher kind = KIND.matcher(sealed);
        if (kind.matches()) {
            String word = Messages.find("entry.description." + kind.group(1).replace(' ', '_'), locale);
            if (word != null) {
                return word + kind.group(2);
            }
        }
        return sealed;
    }
}
