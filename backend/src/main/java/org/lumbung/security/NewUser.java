package org.lumbung.security;

/** The command to give a person a sign-in; {@code district} only for district auditors. */
public record NewUser(String username, String fullName, Role role, Long cooperativeId, String locale, String district) {
}
