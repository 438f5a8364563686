package org.lumbung.security;

import org.jspecify.annotations.Nullable;

import java.util.Set;

/**
 * A person who signs in. {@code cooperativeId} is null for administrators and district auditors;
 * {@code memberId} is set for members only; {@code district} and the ids of its cooperatives
 * ({@code districtCooperatives}, read at sign-in) for district auditors only; {@code federationId} and the ids of
 * its member cooperatives ({@code federationCooperatives}, read at sign-in) for a federation's sign-ins only.
 */
public record UserAccount(long id, @Nullable Long cooperativeId, String username, String fullName, Role role, String locale,
                          @Nullable Long memberId, @Nullable String district, Set<Long> districtCooperatives,
                          @Nullable Long federationId, Set<Long> federationCooperatives) {

    public UserAccount {
        districtCooperatives = Set.copyOf(districtCooperatives);
        federationCooperatives = Set.copyOf(federationCooperatives);
    }

    public boolean isMember() {
        return role == Role.MEMBER;
    }
}
