package org.lumbung.security;

import org.junit.jupiter.api.Test;
import org.lumbung.audit.AuditLog;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.web.RequestOrigin;
import org.lumbung.testsupport.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lumbung.db.jooq.Tables.APP_USER;

/**
 * Signing in through the real authentication manager: every attempt costs one password hash whatever the
 * account's state (a locked account no longer answers faster); passwords of every length the rules allow
 * work and count in full, hashes of earlier versions keep working and are upgraded; one address that
 * fails too often is refused for a while, whichever accounts it tries.
 */
@Import(SignInTest.CountingHashes.class)
@TestPropertySource(properties = "lumbung.sign-in.max-failures-per-address=5")
class SignInTest extends DatabaseTest {

    static final String PASSWORD = "padi menguning di sawah";

    @Autowired
    AuthenticationConfiguration authentication;
    @Autowired
    UserService users;
    @Autowired
    AuditLog audit;
    @Autowired
    CountingHashes hashes;

    /** Counts the password checks of the application's own encoder (which it leaves unchanged). */
    @TestConfiguration
    static class CountingHashes {
        final AtomicInteger checks = new AtomicInteger();

        @Bean
        BeanPostProcessor countPasswordChecks() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof PasswordEncoder encoder)) {
                        return bean;
                    }
                    return new PasswordEncoder() {
                        @Override
                        public String encode(CharSequence raw) {
                            return encoder.encode(raw);
                        }

                        @Override
                        public boolean matches(CharSequence raw, String encoded) {
                            checks.incrementAndGet();
                            return encoder.matches(raw, encoded);
                        }

                        @Override
                        public boolean upgradeEncoding(String encoded) {
                            return encoder.upgradeEncoding(encoded);
                        }
                    };
                }
            };
        }
    }

    private Authentication signIn(String username, String password) throws Exception {
        AuthenticationManager manager = authentication.getAuthenticationManager();
        return manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    private Authentication signInFrom(String address, String username, String password) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setRemoteAddr(address);
        AtomicReference<Authentication> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        new RequestOrigin().doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            try {
                result.set(signIn(username, password));
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    private UserAccount treasurer(Cooperative coop, String username, String password) {
        return users.create(new NewUser(username, "Ibu " + username, Role.TREASURER, coop.id(), "id", null), password);
    }

    @Test
    void everyAttemptCostsOnePasswordHashWhateverTheStateOfTheAccount() throws Exception {
        Cooperative coop = newCooperative("signin-time");
        treasurer(coop, "siti.active", PASSWORD);
        treasurer(coop, "siti.locked", PASSWORD);
        UserAccount off = treasurer(coop, "siti.off", PASSWORD);
        dsl.update(APP_USER).set(APP_USER.LOCKED_UNTIL, OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(10))
                .where(APP_USER.USERNAME.eq("siti.locked")).execute();
        users.setEnabled(off.id(), false);

        assertOneHash(() -> signIn("siti.active", "wrong password"), BadCredentialsException.class);
        assertOneHash(() -> signIn("siti.locked", "wrong password"), LockedException.class);
        assertOneHash(() -> signIn("siti.locked", PASSWORD), LockedException.class);
        assertOneHash(() -> signIn("siti.off", PASSWORD), DisabledException.class);
        assertOneHash(() -> signIn("nobody.here", PASSWORD), BadCredentialsException.class);
        hashes.checks.set(0);
        assertThat(signIn("siti.active", PASSWORD).isAuthenticated()).isTrue();
        assertThat(hashes.checks).hasValue(1);
        // a figure for the record, not an assertion: the same work shows as the same time
        System.out.printf("sign-in median of 9: locked %.1f ms, signed in %.1f ms, unknown user %.1f ms%n",
                medianMillis("siti.locked", "wrong password"), medianMillis("siti.active", PASSWORD),
                medianMillis("nobody.here", PASSWORD));
    }

    private double medianMillis(String username, String password) {
        double[] millis = new double[9];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            try {
                signIn(username, password);
            } catch (Exception refused) {
                // the locked and the unknown are refused
            }
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(millis);
        return millis[millis.length / 2];
    }

    private void assertOneHash(org.assertj.core.api.ThrowableAssert.ThrowingCallable attempt, Class<? extends Exception> answer) {
        hashes.checks.set(0);
        assertThatThrownBy(attempt).isInstanceOf(answer);
        assertThat(hashes.checks).as("password hashes computed").hasValue(1);
    }

    @Test
    void aPasswordOfAnyAllowedLengthCountsInFull() throws Exception {
        Cooperative coop = newCooperative("signin-long");
        String longest = (PASSWORD + " ").repeat(4) + "ā".repeat(PasswordRules.MAX_LENGTH - 96);
        assertThat(longest).hasSize(PasswordRules.MAX_LENGTH);
        assertThat(longest.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(72);
        treasurer(coop, "siti.long", longest);

        assertThat(signIn("siti.long", longest).isAuthenticated()).isTrue();
        String lastDiffers = longest.substring(0, longest.length() - 1) + "b";
        assertThatThrownBy(() -> signIn("siti.long", lastDiffers)).isInstanceOf(BadCredentialsException.class);
        assertThat(dsl.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.USERNAME.eq("siti.long"))
                .fetchOne(APP_USER.PASSWORD_HASH)).startsWith("{bcrypt-sha256}");
    }

    @Test
    void aHashOfAnEarlierVersionStillSignsInAndIsUpgraded() throws Exception {
        Cooperative coop = newCooperative("signin-old");
        treasurer(coop, "siti.old", "placeholder password");
        dsl.update(APP_USER).set(APP_USER.PASSWORD_HASH, "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD))
                .where(APP_USER.USERNAME.eq("siti.old")).execute();

        assertThatThrownBy(() -> signIn("siti.old", "x".repeat(100))).as("no crash past bcrypt's 72 bytes")
                .isInstanceOf(BadCredentialsException.class);
        assertThat(signIn("siti.old", PASSWORD).isAuthenticated()).isTrue();
        assertThat(dsl.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.USERNAME.eq("siti.old"))
                .fetchOne(APP_USER.PASSWORD_HASH)).startsWith("{bcrypt-sha256}");
        assertThat(signIn("siti.old", PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void oneAddressTryingPinsAcrossManyMembersIsStopped() throws Exception {
        Cooperative coop = newCooperative("signin-spray");
        for (int i = 1; i <= 6; i++) {
            treasurer(coop, "spray." + i, PASSWORD);
        }
        for (int i = 1; i <= 5; i++) {
            int account = i;
            assertThatThrownBy(() -> signInFrom("203.0.113.7", "spray." + account, "1357" + account + "0"))
                    .isInstanceOf(BadCredentialsException.class);
        }
        hashes.checks.set(0);
        assertThatThrownBy(() -> signInFrom("203.0.113.7", "spray.6", PASSWORD)).as("even the right password")
                .isInstanceOf(SignInThrottledException.class);
        assertThat(hashes.checks).as("refused before any hash").hasValue(0);
        assertThat(signInFrom("203.0.113.8", "spray.6", PASSWORD).isAuthenticated()).as("another address").isTrue();
        assertThat(audit.page(null, "SIGN_IN_THROTTLED", 0, 10)).singleElement()
                .satisfies(e -> assertThat(e.summary()).contains("203.0.113.7"));
        assertThat(dsl.fetchCount(APP_USER, APP_USER.USERNAME.startsWith("spray.").and(APP_USER.LOCKED_UNTIL.isNotNull())))
                .as("no account reached its own lock").isZero();
    }

    @Test
    void theLimitLastsItsWindowAndRemembersABoundedNumberOfAddresses() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
        SignInThrottle throttle = new SignInThrottle(2, clock, audit);
        throttle.failed("2001:db8:1:2::5");
        throttle.failed("2001:db8:1:2:ffff::9");
        assertThatThrownBy(() -> throttle.check("2001:db8:1:2:0:0:0:77")).as("one /64 network")
                .isInstanceOf(SignInThrottledException.class);
        throttle.check("2001:db8:1:3::5");
        clock.now = clock.now.plus(SignInThrottle.WINDOW);
        throttle.check("2001:db8:1:2::5");

        for (int i = 0; i < SignInThrottle.MAX_ADDRESSES + 500; i++) {
            throttle.failed("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertThat(throttle.addressesRemembered()).isEqualTo(SignInThrottle.MAX_ADDRESSES);
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
