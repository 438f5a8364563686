package org.lumbung.security;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.lumbung.audit.AuditLog;
import org.lumbung.platform.web.RequestOrigin;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.lumbung.db.jooq.Tables.APP_USER;

/**
 * Every sign-in and failed sign-in goes to the audit log. After {@value #MAX_FAILURES} wrong passwords
 * in a row a sign-in is locked for {@link #COOLING_OFF}; a successful sign-in resets the count. Every
 * failure also counts against the client's address ({@link SignInThrottle}).
 */
@Component
public class SignInAttempts {

    public static final int MAX_FAILURES = 5;
    public static final Duration COOLING_OFF = Duration.ofMinutes(15);

    private final DSLContext dsl;
    private final AuditLog audit;
    private final Clock clock;
    private final SignInThrottle throttle;

    public SignInAttempts(DSLContext dsl, AuditLog audit, Clock clock, SignInThrottle throttle) {
        this.dsl = dsl;
        this.audit = audit;
        this.clock = clock;
        this.throttle = throttle;
    }

    @EventListener
    public void succeeded(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof LumbungUser user)) {
            return;
        }
        dsl.update(APP_USER).set(APP_USER.FAILED_SIGN_INS, 0).setNull(APP_USER.LOCKED_UNTIL)
                .where(APP_USER.USERNAME.eq(user.getUsername()).and(APP_USER.FAILED_SIGN_INS.gt(0)))
                .execute();
        audit.recordClaim(user.getUsername(), user.account().cooperativeId(), "SIGN_IN", AuditLog.Outcome.OK,
                user.account().role().name()); // the role's code: the audit screen says it in the reader's language
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        if (event.getException() instanceof SignInThrottledException) {
            return; // refused unchecked; the throttle logged the address once when it reached the limit
        }
        throttle.failed(RequestOrigin.clientAddress());
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            Instant lockUntil = Instant.now(clock).plus(COOLING_OFF);
            // one statement: count the failure and, at the limit, lock
            dsl.update(APP_USER)
                    .set(APP_USER.FAILED_SIGN_INS, APP_USER.FAILED_SIGN_INS.plus(1))
                    .set(APP_USER.LOCKED_UNTIL, DSL.when(APP_USER.FAILED_SIGN_INS.plus(1).ge(MAX_FAILURES),
                            DSL.val(lockUntil.atOffset(ZoneOffset.UTC))).otherwise(APP_USER.LOCKED_UNTIL))
                    .where(APP_USER.USERNAME.eq(username.strip().toLowerCase()))
                    .execute();
        }
        audit.recordClaim(username.length() > 64 ? username.substring(0, 64) : username, cooperativeOf(username), "SIGN_IN",
                AuditLog.Outcome.FAILED, event.getException().getClass().getSimpleName());
    }

    /**
     * A failed sign-in on a cooperative's sign-in belongs to that cooperative's log, where its chair sees it;
     * one on an administrator's, a district auditor's or an unknown name belongs to none.
     */
    private @Nullable Long cooperativeOf(String username) {
        return dsl.select(APP_USER.COOPERATIVE_ID).from(APP_USER)
                .where(APP_USER.USERNAME.eq(username.strip().toLowerCase())).fetchOptional(APP_USER.COOPERATIVE_ID)
                .orElse(null);
    }
}
