package org.lumbung.district;

import java.time.LocalDate;

/** The chain head recorded when a month was closed: entries 1..{@code sequence} had {@code fingerprint}. */
public record RecordedCheckpoint(LocalDate month, long sequence, String fingerprint) {

    /** As the auditor writes it down and the verifier's --checkpoint reads it. */
    public String text() {
        return sequence + ":" + fingerprint;
    }
}
