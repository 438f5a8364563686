package org.lumbung.auditpack;

import org.lumbung.ledger.EntryFingerprint;

/** The chain's head a pack covers: entries 1..{@code sequence}, the last with {@code fingerprint}. */
public record PackHead(long sequence, String fingerprint) {

    public static final PackHead EMPTY = new PackHead(0, EntryFingerprint.GENESIS);

    /** As the auditor writes it down and the verifier's --checkpoint reads it. */
    public String checkpoint() {
        return sequence + ":" + fingerprint;
    }
}
