package org.lumbung.security;

/** Who a person is in Lumbung; what each role may do is the {@link AccessTable}'s. */
public enum Role {
    ADMIN, CHAIR, TREASURER, AUDITOR, MEMBER;

    /** Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Roles that see more than one cooperative: all of them (ADMIN), or their district's (AUDITOR). */
    public boolean spansCooperatives() {
        return this == ADMIN || this == AUDITOR;
    }
}
