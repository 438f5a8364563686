package org.lumbung.ledger;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * What the dashboard says about the chain: broken (since {@code firstBrokenSequence}), intact as far as
 * checked, or not checked recently enough to say; {@code lastFullCheck} is null if never verified in full.
 */
public record ChainStatus(State state, @Nullable Instant lastFullCheck, @Nullable Long firstBrokenSequence) {

    public enum State { OK, BROKEN, UNCHECKED }
}
