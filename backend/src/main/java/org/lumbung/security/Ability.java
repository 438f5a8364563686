package org.lumbung.security;

import java.util.Set;

/**
 * Something a person may do in Lumbung, and the roles that may do it: one row of the {@link AccessTable}.
 * Each feature declares its own rows as an enum implementing this interface (see {@link SecurityAbility});
 * the table finds them on the class path, so a new feature adds abilities without editing a central list.
 * Names are unique across features: service methods name them in {@code @PreAuthorize}, screens in their
 * view annotation.
 */
public interface Ability {

    /** The name used in {@code @PreAuthorize("@access.may('NAME')")} and by screens, e.g. POST_ENTRY. */
    String name();

    /** The roles that have this ability. The system itself (sample data, jobs) has every ability. */
    Set<Role> roles();

    /** The error code (translated, with the role as {0}) when someone without the ability tries. */
    default String refusal() {
        return "access.not-allowed";
    }
}
