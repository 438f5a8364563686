package org.lumbung.security;

/** The command to give a person a sign-in. */
public record NewUser(String username, String fullName, Role role, Long cooperativeId, String locale) {
}
