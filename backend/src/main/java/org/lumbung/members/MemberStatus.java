package org.lumbung.members;

import java.util.Set;

/**
 * The membership lifecycle: applicant → active → suspended ↔ active → exited. Exit is final (and goes
 * through the savings settlement, which refunds and closes the accounts); a member number is never reused.
 */
public enum MemberStatus {
    APPLICANT, ACTIVE, SUSPENDED, EXITED;

    /** The statuses this one may change into by a status change (exit has its own settlement command). */
    public Set<MemberStatus> next() {
        return switch (this) {
            case APPLICANT -> Set.of(ACTIVE);
            case ACTIVE -> Set.of(SUSPENDED);
            case SUSPENDED -> Set.of(ACTIVE);
            case EXITED -> Set.of();
        };
    }
}
