package org.lumbung.ui.security;

import org.jspecify.annotations.Nullable;
import org.lumbung.platform.Hashes;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic on the API without bcrypt on every request. A sign-in that the application's authentication
 * accepted (bcrypt, lockout, the audit log's SIGN_IN row) is remembered for {@link #TTL} under the SHA-256 of
 * its user name and password; within that time the same credentials are accepted after one indexed read that
 * finds the user still enabled, not locked and with the same password hash, so switching a user off, a lockout
 * or a new password takes effect on the next request. Failures are never remembered and always go through
 * the application's authentication, which counts and audits them. API tokens are not remembered here: they are
 * checked with a SHA-256 lookup on every request, so a revoked token stops at once.
 */
final class CachedApiSignIn implements AuthenticationManager {

    static final Duration TTL = Duration.ofSeconds(60);
    static final int MAX_REMEMBERED = 10_000;

    private record Remembered(String passwordHash, Instant until) {
    }

    private final AuthenticationManager application;
    private final UserDetailsService users;
    private final Clock clock;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    CachedApiSignIn(AuthenticationManager application, UserDetailsService users, Clock clock) {
        this.application = application;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication presented) {
        if (!(presented instanceof UsernamePasswordAuthenticationToken) || !(presented.getCredentials() instanceof String password)) {
            return application.authenticate(presented);
        }
        String key = Hashes.sha256Hex(presented.getName() + '\0' + password);
        Authentication again = fromMemory(key, presented.getName());
        if (again != null) {
            return again;
        }
        // the hash read before the check: if the password changes meanwhile, the remembered hash no longer matches
        String hashBefore = storedHash(presented.getName());
        Authentication accepted = application.authenticate(presented);
        if (hashBefore != null) {
            remember(key, hashBefore);
        }
        return accepted;
    }

    private @Nullable Authentication fromMemory(String key, String username) {
        Remembered r = remembered.get(key);
        if (r == null) {
            return null;
        }
        UserDetails now = r.until().isAfter(Instant.now(clock)) ? load(username) : null;
        if (now == null || !now.isEnabled() || !now.isAccountNonLocked() || !now.isAccountNonExpired()
                || !now.isCredentialsNonExpired() || !r.passwordHash().equals(now.getPassword())) {
            remembered.remove(key);
            return null;
        }
        if (now instanceof CredentialsContainer c) {
            c.eraseCredentials();
        }
        return UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities());
    }

    private void remember(String key, String passwordHash) {
        if (remembered.size() >= MAX_REMEMBERED) {
            Instant now = Instant.now(clock);
            remembered.values().removeIf(r -> !r.until().isAfter(now));
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
        }
        remembered.put(key, new Remembered(passwordHash, Instant.now(clock).plus(TTL)));
    }

    private @Nullable String storedHash(String username) {
        UserDetails user = load(username);
        return user == null ? null : user.getPassword();
    }

    private @Nullable UserDetails load(String username) {
        try {
            return users.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }
}
