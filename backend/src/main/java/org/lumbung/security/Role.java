package org.lumbung.security;

/** What a person may do in Lumbung; see the permission matrix in the README. */
public enum Role {
    ADMIN, CHAIR, TREASURER, AUDITOR, MEMBER;

    /** Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Roles that record money movements of their cooperative. */
    public boolean canPost() {
        return this == ADMIN || this == CHAIR || this == TREASURER;
    }

    /** Roles that may close and reopen accounting periods. */
    public boolean canClosePeriods() {
        return this == ADMIN || this == CHAIR;
    }

    /** Roles that see more than one cooperative: all of them (ADMIN), or their district's (AUDITOR). */
    public boolean spansCooperatives() {
        return this == ADMIN || this == AUDITOR;
    }
}
