package org.lumbung.security;

/** A staff sign-in as the users screen lists it: who, and whether it is switched on. */
public record StaffSignIn(UserAccount account, boolean enabled) {
}
