package org.lumbung.members;

/**
 * What the members list shows: a search text (name with spelling variants, member number, NIK or phone)
 * and optional filters; null means "any".
 */
public record MemberFilter(String text, MemberStatus status, String village, String gender, Boolean returnedMigrant) {

    public static final MemberFilter ALL = new MemberFilter(null, null, null, null, null);

    public static MemberFilter text(String text) {
        return new MemberFilter(text, null, null, null, null);
    }
}
