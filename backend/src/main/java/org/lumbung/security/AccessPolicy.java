package org.lumbung.security;

import org.lumbung.platform.DomainException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who may read and write which cooperative's books. A person of one cooperative sees only that one;
 * administrators see all, district auditors their district's, a federation its member cooperatives; members see
 * only their own records. What
 * each role may do is the {@link AccessTable}'s. PostgreSQL's row-level security enforces the cooperative
 * part again underneath.
 */
@Component
public class AccessPolicy {

    private final AccessTable table;

    public AccessPolicy(AccessTable table) {
        this.table = table;
    }

    public Optional<UserAccount> currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof LumbungUser user) {
            return Optional.of(user.account());
        }
        return Optional.empty();
    }

    public UserAccount requireUser() {
        return currentUser().orElseThrow(() -> DomainException.forbidden("access.signed-out"));
    }

    public boolean canRead(UserAccount user, long cooperativeId) {
        return switch (user.role()) {
            case ADMIN -> true;
            // a district auditor, or an auditor's API token scoped to one cooperative
            case AUDITOR -> user.districtCooperatives().contains(cooperativeId)
                    || (user.cooperativeId() != null && user.cooperativeId() == cooperativeId);
            case FEDERATION -> user.federationCooperatives().contains(cooperativeId);
            default -> user.cooperativeId() != null && user.cooperativeId() == cooperativeId;
        };
    }

    /** Refuses with not-found rather than forbidden: another cooperative's existence is not revealed. */
    public UserAccount requireRead(long cooperativeId) {
        UserAccount user = requireUser();
        if (!canRead(user, cooperativeId)) {
            throw DomainException.notFound("cooperative.not-found", cooperativeId);
        }
        return user;
    }

    /**
     * A member sees only their own records: any other member's id is answered with not-found, exactly as
     * an id that does not exist, so nothing about other members is revealed. Staff pass unchanged (their
     * cooperative is enforced by row-level security).
     */
    public void requireMemberRecord(long memberId) {
        currentUser().filter(UserAccount::isMember).ifPresent(user -> {
            if (user.memberId() == null || user.memberId() != memberId) {
                throw DomainException.notFound("member.not-found", memberId);
            }
        });
    }

    /** The person, refused unless their role has the ability (see {@link AccessTable}) in this cooperative. */
    public UserAccount require(long cooperativeId, Ability ability) {
        UserAccount user = requireRead(cooperativeId);
        if (!table.allows(user.role(), ability)) {
            throw DomainException.forbidden(ability.refusal(), user.role().name());
        }
        return user;
    }

    /** Whether the signed-in person's role has the ability (what a screen offers). */
    public boolean may(Ability ability) {
        return currentUser().map(u -> table.allows(u.role(), ability)).orElse(false);
    }
}
