package org.lumbung.security;

import org.junit.jupiter.api.Test;
import org.lumbung.audit.AuditEvent;
import org.lumbung.audit.AuditLog;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.testsupport.DatabaseTest;
import org.lumbung.testsupport.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log writes the signed-in person as the actor of an act, read from the security context: a caller
 * cannot name someone else, and an act of nobody signed in is "anonymous". Only steps before a sign-in (the
 * name someone claims) carry a given name.
 */
class AuditActorTest extends DatabaseTest {

    @Autowired
    AuditLog audit;

    @Test
    void anActIsLoggedUnderTheSignedInPersonAndNobodyElse() {
        Cooperative coop = newCooperative("actor-log");
        SignedIn.as("ibu.bendahara", "TREASURER", () -> {
            audit.record(coop.id(), "DEPOSIT", AuditLog.Outcome.OK, "setoran sukarela");
            return null;
        });
        SecurityContextHolder.clearContext();
        audit.record(coop.id(), "DEPOSIT", AuditLog.Outcome.REFUSED, "nobody signed in");
        audit.recordClaim("pak.tamu", coop.id(), "SIGN_IN", AuditLog.Outcome.FAILED, "BadCredentialsException");

        assertThat(audit.page(coop.id(), "", 0, 10)).extracting(AuditEvent::actor)
                .containsExactly("pak.tamu", "anonymous", "ibu.bendahara");
    }
}
