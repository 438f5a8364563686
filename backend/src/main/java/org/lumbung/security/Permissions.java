package org.lumbung.security;

/** The role expressions of the services' {@code @PreAuthorize} checks, in one place. */
public final class Permissions {

    /**
     * The cooperative's staff, auditors and the system: what they see is further limited to their
     * cooperatives by row-level security. Members are not among them (see {@link #OWN_RECORDS}).
     */
    public static final String READ = "hasAnyRole('ADMIN', 'CHAIR', 'TREASURER', 'AUDITOR', 'SYSTEM')";
    /**
     * Staff and members: a service method open to members checks with
     * {@link AccessPolicy#requireMemberRecord} that a member reads only their own records.
     */
    public static final String OWN_RECORDS = "isAuthenticated()";
    /** Record money movements, members and accounts. */
    public static final String POST = "hasAnyRole('ADMIN', 'CHAIR', 'TREASURER', 'SYSTEM')";
    /** Close and reopen accounting periods. */
    public static final String CLOSE_PERIODS = "hasAnyRole('ADMIN', 'CHAIR', 'SYSTEM')";
    /** Manage savings products and the cooperative's profile. */
    public static final String MANAGE = "hasAnyRole('ADMIN', 'CHAIR', 'SYSTEM')";
    /** Found cooperatives. */
    public static final String ADMINISTER = "hasAnyRole('ADMIN', 'SYSTEM')";

    private Permissions() {
    }
}
