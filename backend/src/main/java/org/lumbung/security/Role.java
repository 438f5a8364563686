package org.lumbung.security;

/** Who a person is in Lumbung; what each role may do is the {@link AccessTable}'s. */
public enum Role {
    ADMIN, CHAIR, TREASURER, AUDITOR,
    /** A federation's office: reads its member cooperatives' outcomes and statements, never writes. */
    FEDERATION,
    MEMBER;

    /** Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Roles that see more than one cooperative: all of them (ADMIN), their district's (AUDITOR) or federation's. */
    public boolean spansCooperatives() {
        return this == ADMIN || this == AUDITOR || this == FEDERATION;
    }
}
