package org.lumbung.ledger;

import org.jspecify.annotations.Nullable;
import org.lumbung.platform.DomainException;

/** What became of one draft of a posting transaction: its result, or why it was refused. */
record Outcome(@Nullable PostingResult result, @Nullable DomainException refusal) {
}
