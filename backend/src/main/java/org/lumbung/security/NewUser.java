package org.lumbung.security;

import org.jspecify.annotations.Nullable;

/**
 * The command to give a person a sign-in; {@code district} only for district auditors, {@code federationId} only for
 * a federation's sign-ins.
 */
public record NewUser(String username, String fullName, Role role, @Nullable Long cooperativeId, String locale,
                      @Nullable String district, @Nullable Long federationId) {

    /** A sign-in of any role but a federation's. */
    public NewUser(String username, String fullName, Role role, @Nullable Long cooperativeId, String locale,
                   @Nullable String district) {
        this(username, fullName, role, cooperativeId, locale, district, null);
    }
}
