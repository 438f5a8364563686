package org.lumbung.members;

/**
 * Published inside the transaction that registers a member, so savings opens the member's standard
 * accounts atomically with the registration, without this package depending on savings.
 */
public record MemberRegistered(Member member) {
}
