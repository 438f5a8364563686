package org.lumbung.security;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins from one address lately: refused before any password is checked. */
public class SignInThrottledException extends AuthenticationException {

    public SignInThrottledException() {
        super("too many failed sign-ins from this address; try again later");
    }
}
