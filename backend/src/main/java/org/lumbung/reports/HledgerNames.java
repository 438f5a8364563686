package org.lumbung.reports;

import org.jspecify.annotations.Nullable;
import org.lumbung.ledger.AccountType;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * hledger account names of a cooperative's chart: the top level by type ({@code assets}, {@code liabilities},
 * {@code equity}, {@code revenues}, {@code expenses}), then the chart's tree, each segment the Lumbung code, a
 * hyphen and a slug of the Indonesian name ({@code assets:1-aset:1100-kas}); a member's sub-account sits under its
 * control account and is named after the member
 * ({@code liabilities:2-kewajiban:2100-simpanan-sukarela:2100.00042-siti-aminah}). Holds the general-ledger
 * accounts only (a bounded number); members' names are made as they are read.
 */
final class HledgerNames {

    /** A general-ledger account as the names need it. */
    record General(long id, String code, String nameId, AccountType type, @Nullable Long parentId) {
    }

    private static final int MAX_SLUG = 60;
    /** A member's sub-account is named "Simpanan Sukarela — Siti Aminah": the member's name follows the dash. */
    private static final String MEMBER_SEPARATOR = " — ";

    private final Map<Long, General> general;
    private final Map<Long, String> names = new HashMap<>();

    HledgerNames(Map<Long, General> general) {
        this.general = Map.copyOf(general);
    }

    String general(long id) {
        String known = names.get(id);
        if (known != null) {
            return known;
        }
        General a = Objects.requireNonNull(general.get(id), "a general-ledger account of the cooperative");
        String parent = a.parentId() == null ? top(a.type()) : general(a.parentId());
        String name = parent + ":" + segment(a.code(), a.nameId());
        names.put(id, name);
        return name;
    }

    /** Any account: a member's sub-account (memberId set) under its control account, named after the member. */
    String account(long id, String code, String nameId, @Nullable Long parentId, boolean member) {
        if (!member) {
            return general(id);
        }
        int dash = nameId.lastIndexOf(MEMBER_SEPARATOR);
        return general(Objects.requireNonNull(parentId, "a member's sub-account has a parent")) + ":"
                + segment(code, dash < 0 ? nameId : nameId.substring(dash + MEMBER_SEPARATOR.length()));
    }

    static String top(AccountType type) {
        return switch (type) {
            case ASSET -> "assets";
            case LIABILITY -> "liabilities";
            case EQUITY -> "equity";
            case INCOME -> "revenues";
            case EXPENSE -> "expenses";
        };
    }

    static String segment(String code, String name) {
        String slug = slug(name);
        return slug.isEmpty() ? code : code + "-" + slug;
    }

    /** Lower-case ASCII letters and digits joined by single hyphens, accents dropped ("Sitti Ámínah" → sitti-aminah). */
    static String slug(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() <= MAX_SLUG ? slug : slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
    }
}
