package org.lumbung.members;

import org.jspecify.annotations.Nullable;

/**
 * What the members list shows: a search text (name with spelling variants, member number, NIK or phone)
 * and optional filters; null means "any".
 */
public record MemberFilter(@Nullable String text, @Nullable MemberStatus status, @Nullable String village,
                           @Nullable String gender, @Nullable Boolean returnedMigrant) {

    public static final MemberFilter ALL = new MemberFilter(null, null, null, null, null);

    public static MemberFilter text(@Nullable String text) {
        return new MemberFilter(text, null, null, null, null);
    }
}
