package org.lumbung.ledger;

/** A posting with the rule that must hold, under the locks, for it to be booked. */
public record GuardedPosting(PostingRequest request, Precondition precondition) {

    public GuardedPosting {
        precondition = precondition == null ? Precondition.NONE : precondition;
    }

    public static GuardedPosting of(PostingRequest request) {
        return new GuardedPosting(request, Precondition.NONE);
    }
}
