package org.lumbung.security;

import org.jspecify.annotations.Nullable;
import org.lumbung.audit.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A limit on failed sign-ins per client address: after {@code lumbung.sign-in.max-failures-per-address}
 * (default {@value #DEFAULT_MAX_FAILURES}) failures within {@link #WINDOW}, every sign-in from that address
 * is refused until the window ends, before any password is checked. The lock-out of one account stops
 * guessing one account's password; this stops trying a few PINs on each of many members (six digits,
 * sprayed across accounts). IPv6 addresses count per /64 network, the block one subscriber gets.
 * Memory stays bounded: the {@value #MAX_ADDRESSES} most recently seen addresses are remembered.
 */
@Component
public class SignInThrottle {

    static final int DEFAULT_MAX_FAILURES = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    static final int MAX_ADDRESSES = 10_000;

    private final int maxFailures;
    private final Clock clock;
    private final AuditLog audit;
    private final Map<String, Window> windows = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    private static final class Window {
        private final Instant start;
        private int failures;

        private Window(Instant start) {
            this.start = start;
        }
    }

    public SignInThrottle(@Value("${lumbung.sign-in.max-failures-per-address:" + DEFAULT_MAX_FAILURES + "}") int maxFailures,
                          Clock clock, AuditLog audit) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("lumbung.sign-in.max-failures-per-address must be at least 1");
        }
        this.maxFailures = maxFailures;
        this.clock = clock;
        this.audit = audit;
    }

    /** Refuses a sign-in from an address that failed too often lately; no address (no request), no limit. */
    public void check(String address) {
        if (address == null) {
            return;
        }
        synchronized (windows) {
            Window window = current(key(address));
            if (window != null && window.failures >= maxFailures) {
                throw new SignInThrottledException();
            }
        }
    }

    /** Counts a failed sign-in; the failure that reaches the limit is written to the audit log, once. */
    public void failed(String address) {
        if (address == null) {
            return;
        }
        boolean limitReached;
        synchronized (windows) {
            String key = key(address);
            Window window = current(key);
            if (window == null) {
                window = new Window(Instant.now(clock));
                windows.put(key, window);
            }
            window.failures++;
            limitReached = window.failures == maxFailures;
        }
        if (limitReached) {
            audit.recordClaim(null, null, "SIGN_IN_THROTTLED", AuditLog.Outcome.REFUSED,
                    maxFailures + " failed sign-ins from " + key(address) + " within " + WINDOW.toMinutes()
                            + " minutes: its sign-ins are refused until the window ends");
        }
    }

    int addressesRemembered() {
        synchronized (windows) {
            return windows.size();
        }
    }

    private @Nullable Window current(String key) {
        Window window = windows.get(key);
        if (window != null && !Instant.now(clock).isBefore(window.start.plus(WINDOW))) {
            windows.remove(key);
            return null;
        }
        return window;
    }

    /** An IPv4 address as it is (also when mapped into IPv6); an IPv6 address by its /64 network. */
    static String key(String address) {
        if (address.contains(".")) {
            return address.substring(address.lastIndexOf(':') + 1);
        }
        if (!address.contains(":")) {
            return address;
        }
        String[] groups = expand(address).split(":");
        return String.join(":", groups[0], groups[1], groups[2], groups[3]) + "::/64";
    }

    private static String expand(String address) {
        String plain = address.replaceAll("^\\[|]$|%.*$", "");
        int gap = plain.indexOf("::");
        if (gap < 0) {
            return plain;
        }
        String head = plain.substring(0, gap);
        String tail = plain.substring(gap + 2);
        int present = (head.isEmpty() ? 0 : head.split(":").length) + (tail.isEmpty() ? 0 : tail.split(":").length);
        StringBuilder zeros = new StringBuilder();
        for (int i = 0; i < 8 - present; i++) {
            zeros.append(i == 0 ? "" : ":").append('0');
        }
        return (head.isEmpty() ? "" : head + ":") + zeros + (tail.isEmpty() ? "" : ":" + tail);
    }
}
