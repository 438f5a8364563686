package org.lumbung.security;

/** The role expressions of the services' {@code @PreAuthorize} checks, in one place. */
public final class Permissions {

    /** Anyone signed in; what they see is further limited to their cooperatives by row-level security. */
    public static final String READ = "isAuthenticated()";
    /** Record money movements, members and accounts. */
    public static final String POST = "hasAnyRole('ADMIN', 'CHAIR', 'TREASURER', 'SYSTEM')";
    /** Close and reopen accounting periods. */
    public static final String CLOSE_PERIODS = "hasAnyRole('ADMIN', 'CHAIR', 'SYSTEM')";
    /** Found cooperatives. */
    public static final String ADMINISTER = "hasAnyRole('ADMIN', 'SYSTEM')";

    private Permissions() {
    }
}
