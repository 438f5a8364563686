package org.lumbung.security;

import java.util.EnumSet;
import java.util.Set;

/** The role groups that the features' ability rows are built from (see {@link Ability}). */
public final class Roles {

    /** The cooperative's office: the people who record its business. */
    public static final Set<Role> POSTING = Set.copyOf(EnumSet.of(Role.ADMIN, Role.CHAIR, Role.TREASURER));
    /** The office and the auditors: everyone who reads a cooperative's books. Members read only their own. */
    public static final Set<Role> READING = Set.copyOf(EnumSet.of(Role.ADMIN, Role.CHAIR, Role.TREASURER, Role.AUDITOR));
    /**
     * The readers of a cooperative's statements and outcomes: everyone who reads its books, and its federation,
     * which reads them like a district auditor and never writes (its sessions are read-only).
     */
    public static final Set<Role> STATEMENTS = Set.copyOf(EnumSet.of(Role.ADMIN, Role.CHAIR, Role.TREASURER, Role.AUDITOR,
            Role.FEDERATION));
    /** Those who decide: the chair and the administrator (close periods, approve, manage). */
    public static final Set<Role> DECIDING = Set.copyOf(EnumSet.of(Role.ADMIN, Role.CHAIR));
    /** Everyone who signs in, members included. */
    public static final Set<Role> EVERYONE = Set.copyOf(EnumSet.allOf(Role.class));

    private Roles() {
    }

    public static Set<Role> of(Role first, Role... rest) {
        return Set.copyOf(EnumSet.of(first, rest));
    }
}
