package org.lumbung.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;

@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    /** The encoder id of new hashes; "{bcrypt}" hashes of earlier versions keep verifying. */
    static final String CURRENT = "bcrypt-sha256";

    /**
     * Spring Security's delegating encoder: new passwords as {@code {bcrypt-sha256}} (bcrypt of a
     * pre-hash, so that every length the rules allow counts in full), earlier ones as {@code {bcrypt}}.
     * A sign-in with an earlier hash stores the current one ({@link UserService#updatePassword}).
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(CURRENT, Map.of(CURRENT, new PreHashedBCrypt(), "bcrypt", new ShortBCrypt()));
    }

    @Bean
    AuthenticationProvider signInAuthenticationProvider(UserService users, PasswordEncoder passwordEncoder, SignInThrottle throttle) {
        return new SignInAuthenticationProvider(users, passwordEncoder, throttle);
    }

    /**
     * bcrypt reads at most 72 bytes (and Spring refuses more). The password is first reduced to 44
     * characters: base64 of its HMAC-SHA-256 under a fixed label (a label, so that a plain SHA-256 of
     * the same password from elsewhere does not match), which bcrypt then hashes as usual.
     */
    static final class PreHashedBCrypt implements PasswordEncoder {

        private static final SecretKeySpec LABEL = new SecretKeySpec(
                "lumbung bcrypt-sha256 v1".getBytes(StandardCharsets.US_ASCII), "HmacSHA256");
        private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(preHash(raw));
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return raw != null && bcrypt.matches(preHash(raw), encoded);
        }

        static String preHash(CharSequence raw) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(LABEL);
                return Base64.getEncoder().encodeToString(mac.doFinal(raw.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
            }
        }
    }

    /**
     * The hashes of earlier versions: plain bcrypt, whose passwords had at most 72 bytes. A longer
     * attempt cannot be that password; it is answered "no" after the same work, not with an error.
     */
    static final class ShortBCrypt implements PasswordEncoder {

        private static final int BCRYPT_MAX_BYTES = 72;
        private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

        @Override
        public String encode(CharSequence raw) {
            throw new UnsupportedOperationException("new passwords are hashed as {" + CURRENT + "}");
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            if (raw == null) {
                return false;
            }
            boolean fits = raw.toString().getBytes(StandardCharsets.UTF_8).length <= BCRYPT_MAX_BYTES;
            boolean matches = bcrypt.matches(fits ? raw : "", encoded);
            return fits && matches;
        }
    }
}
