package org.lumbung.members;

import java.util.Locale;

/**
 * The search key of a name, the same for its regular Indonesian spelling variants: Soeparmi and Suparmi,
 * Djojo and Joyo, Tjiptono and Ciptono, Chairul and Khairul, Sitti and Siti. Case and common diacritics
 * are folded; oe becomes u, dj j, tj c, ch kh; then every j becomes y (the old spelling's j is today's y,
 * and its dj today's j, so both meet at y); doubled letters are collapsed. The database computes the same
 * key for the stored names ({@code lumbung_search_key}, changeset 020); a test keeps the two in step.
 */
public final class SpellingKey {

    private static final String ACCENTED = "áàâäãåāéèêëēíìîïīóòôöõōúùûüūýÿñçÁÀÂÄÃÅĀÉÈÊËĒÍÌÎÏĪÓÒÔÖÕŌÚÙÛÜŪÝŸÑÇ";
    private static final String PLAIN = "aaaaaaaeeeeeiiiiioooooouuuuuyyncaaaaaaaeeeeeiiiiioooooouuuuuyync";

    private SpellingKey() {
    }

    public static String of(String name) {
        // folded before lower-casing, as the database does: its lower() may leave non-ASCII letters alone
        String key = fold(name).toLowerCase(Locale.ROOT)
                .replace("oe", "u").replace("dj", "j").replace("tj", "c").replace("ch", "kh").replace("j", "y");
        return key.replaceAll("([a-z])\\1+", "$1");
    }

    private static String fold(String lower) {
        StringBuilder plain = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            int at = ACCENTED.indexOf(c);
            plain.append(at < 0 ? c : PLAIN.charAt(at));
        }
        return plain.toString();
    }
}
