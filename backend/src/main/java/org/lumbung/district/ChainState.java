package org.lumbung.district;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Objects;

/**
 * What the latest recorded full verification of a cooperative's chain said, against its head now: intact up to
 * the head, intact as far as checked with {@code newEntries} posted since, broken at {@code firstBroken}, or
 * never verified; or, for a cooperative that keeps its books offline, its latest imported audit pack as verified.
 */
public record ChainState(State state, @Nullable Instant checkedAt, long entriesChecked, long head, @Nullable Long firstBroken) {

    /** IMPORTED: the books are kept offline; the latest imported audit pack was verified up to {@code head}. */
    public enum State { VERIFIED, VERIFIED_EARLIER, BROKEN, NEVER_CHECKED, IMPORTED }

    public long newEntries() {
        return Math.max(0, head - entriesChecked);
    }

    static ChainState of(@Nullable Boolean ok, @Nullable Instant checkedAt, @Nullable Long entriesChecked, long head,
                         @Nullable Long firstBroken) {
        if (ok == null) {
            return new ChainState(State.NEVER_CHECKED, null, 0, head, null);
        }
        Objects.requireNonNull(entriesChecked, "a recorded check counts its entries");
        State state = !ok ? State.BROKEN : entriesChecked >= head ? State.VERIFIED : State.VERIFIED_EARLIER;
        return new ChainState(state, checkedAt, entriesChecked, head, firstBroken);
    }
}
