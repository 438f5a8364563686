package org.lumbung.security;

/** A person who signs in; {@code cooperativeId} is null for administrators and district auditors. */
public record UserAccount(long id, Long cooperativeId, String username, String fullName, Role role, String locale) {
}
