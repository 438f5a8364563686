package org.lumbung.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An entry checked and sealed into the chain under the head lock, ready to insert. */
record SealedEntry(Draft draft, long sequence, LocalDate bookingDate, LocalDate valueDate, String description,
                   Instant createdAt, String prevHash, String hash, List<EntryLine> lines) {

    JournalEntry toEntry(long id) {
        PostingRequest r = draft.request();
        return new JournalEntry(id, r.cooperativeId(), sequence, r.idempotencyKey(), bookingDate, valueDate,
                description, r.sourceType(), r.sourceRef(), draft.reversesEntryId(), draft.reversalReason(), r.actor(),
                createdAt, prevHash, hash, lines);
    }
}
