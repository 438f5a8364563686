package org.lumbung.ledger;

import java.time.Instant;

/**
 * What the dashboard says about the chain: broken (since {@code firstBrokenSequence}), intact as far as
 * checked, or not checked recently enough to say; {@code lastFullCheck} is null if never verified in full.
 */
public record ChainStatus(State state, Instant lastFullCheck, Long firstBrokenSequence) {

    public enum State { OK, BROKEN, UNCHECKED }
}
