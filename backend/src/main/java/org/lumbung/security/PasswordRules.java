package org.lumbung.security;

import org.lumbung.platform.DomainException;

/**
 * What a password must be: 10 to 128 characters, not the user name or containing it, not one character
 * repeated. Long passphrases beat clever rules; these only keep out the worst choices.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private PasswordRules() {
    }

    public static void check(String username, String password) {
        DomainException.require(password != null && password.length() >= MIN_LENGTH && password.length() <= MAX_LENGTH,
                "user.password.invalid", MIN_LENGTH);
        DomainException.require(username == null || !password.toLowerCase().contains(username.toLowerCase()),
                "user.password.contains-username");
        DomainException.require(password.chars().distinct().count() > 1, "user.password.repeated");
    }

    /**
     * A member's PIN: six digits, not one digit six times, not a run up or down (123456, 987654): the
     * first PINs anyone tries. Lock-out after repeated failures does the rest.
     */
    public static void checkPin(String pin) {
        DomainException.require(pin != null && pin.matches("[0-9]{6}"), "user.pin.invalid");
        boolean same = pin.chars().distinct().count() == 1;
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < pin.length(); i++) {
            up &= pin.charAt(i) == pin.charAt(i - 1) + 1;
            down &= pin.charAt(i) == pin.charAt(i - 1) - 1;
        }
        DomainException.require(!same && !up && !down, "user.pin.guessable");
    }
}
