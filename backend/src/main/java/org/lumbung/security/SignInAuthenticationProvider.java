package org.lumbung.security;

import org.lumbung.platform.web.RequestOrigin;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Sign-in by user name and password (staff, the form and HTTP Basic) or member number and PIN.
 * Two differences from Spring's own: an address that failed too often lately is refused first
 * ({@link SignInThrottle}); and every attempt costs exactly one password hash, whatever the state of the
 * account. Spring checks a locked or disabled account before the password, so it answered in 4 ms where
 * others took 72 ms and told which accounts were locked; here the account's state is checked after the
 * password, with the same answer as before (locked stays locked, right password or not).
 */
class SignInAuthenticationProvider extends DaoAuthenticationProvider {

    private final UserDetailsChecker accountStatus = new AccountStatusUserDetailsChecker();
    private final SignInThrottle throttle;

    SignInAuthenticationProvider(UserService users, PasswordEncoder passwordEncoder, SignInThrottle throttle) {
        super(passwordEncoder);
        this.throttle = throttle;
        setUserDetailsService(users);
        setUserDetailsPasswordService(users);
        setPreAuthenticationChecks(user -> {
            // checked after the password, in additionalAuthenticationChecks
        });
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        throttle.check(RequestOrigin.clientAddress());
        return super.authenticate(authentication);
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication) {
        try {
            super.additionalAuthenticationChecks(user, authentication);
        } catch (BadCredentialsException wrongPassword) {
            accountStatus.check(user); // a locked or switched-off account says so, as it always did
            throw wrongPassword;
        }
        accountStatus.check(user);
    }
}
