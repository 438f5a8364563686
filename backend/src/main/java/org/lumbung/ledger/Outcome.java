package org.lumbung.ledger;

import org.lumbung.platform.DomainException;

/** What became of one draft of a posting transaction: its result, or why it was refused. */
record Outcome(PostingResult result, DomainException refusal) {
}
