package org.lumbung.members;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;

import java.util.List;

import static org.lumbung.db.jooq.Tables.MEMBER;
import static org.lumbung.db.jooq.Tables.MEMBER_MIGRATION;

/**
 * The registry's search. Digits look up a member number by its leading digits, a NIK or a phone number;
 * words look up names by their {@link SpellingKey} (old and new spelling meet: Soeparmi finds Suparmi) with
 * PostgreSQL trigrams, so other variants are found together too (Siti Aminah, Siti Aminnah and Sitti Aminah): the text's word similarity to a part of the name ({@code <%}, threshold 0.6), which also
 * finds "aminah" alone; fewer than three letters, too short for trigrams, match as a substring. Every
 * branch is served by the member table's GIN trigram indexes. (Whole-name similarity and a substring
 * match besides, measured with 100,000 members, found nothing more and tripled the time.)
 */
final class MemberSearch {

    private MemberSearch() {
    }

    static Condition condition(long cooperativeId, MemberFilter f) {
        Condition c = MEMBER.COOPERATIVE_ID.eq(cooperativeId);
        if (f.text() != null && !f.text().isBlank()) {
            c = c.and(text(f.text().strip()));
        }
        if (f.status() != null) {
            c = c.and(MEMBER.STATUS.eq(f.status().name()));
        }
        if (f.village() != null && !f.village().isBlank()) {
            c = c.and(MEMBER.VILLAGE.eq(f.village()));
        }
        if (f.gender() != null) {
            c = c.and(MEMBER.GENDER.eq(f.gender()));
        }
        if (f.returnedMigrant() != null) {
            Condition returned = DSL.exists(DSL.selectOne().from(MEMBER_MIGRATION).where(MEMBER_MIGRATION.MEMBER_ID.eq(MEMBER.ID)))
                    .and(DSL.notExists(DSL.selectOne().from(MEMBER_MIGRATION)
                            .where(MEMBER_MIGRATION.MEMBER_ID.eq(MEMBER.ID).and(MEMBER_MIGRATION.RETURNED_ON.isNull()))));
            c = c.and(f.returnedMigrant() ? returned : DSL.not(returned));
        }
        return c;
    }

    private static Condition text(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        if (!digits.isEmpty() && text.matches("[0-9 +-]+")) {
            Condition byDigits = MEMBER.PHONE_DIGITS.contains(digits).or(MEMBER.NATIONAL_ID.startsWith(digits));
            return digits.length() <= 9 ? byDigits.or(numberStartsWith(digits)) : byDigits;
        }
        String key = SpellingKey.of(text);
        if (key.length() < 3) {
            return MEMBER.SEARCH_NAME.contains(key);
        }
        return DSL.condition("{0} <% {1}", DSL.val(key), MEMBER.SEARCH_NAME);
    }

    /** "15" finds members 15 and 150-159 (and 1500-1599...), along the index of the number as text. */
    private static Condition numberStartsWith(String digits) {
        // inlined (digits only): a constant prefix is what lets the planner use the text_pattern_ops index
        return DSL.field("{0}::text", String.class, MEMBER.MEMBER_NUMBER).like(DSL.inline(digits.replaceFirst("^0+(?=.)", "") + "%"));
    }

    static List<SortField<?>> order(MemberFilter f) {
        if (f.text() == null || f.text().isBlank() || f.text().strip().matches("[0-9 +-]+")) {
            return List.of(MEMBER.MEMBER_NUMBER.asc());
        }
        Field<Float> closeness = DSL.field("word_similarity({0}, {1})", Float.class, DSL.val(SpellingKey.of(f.text().strip())),
                MEMBER.SEARCH_NAME);
        return List.of(closeness.desc(), MEMBER.MEMBER_NUMBER.asc());
    }
}
