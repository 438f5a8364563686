package org.lumbung.ledger.api;

import org.springframework.stereotype.Component;

import java.util.concurrent.Semaphore;

/**
 * Streams of batches posted at once, across the application: each keeps three batches in flight, each on a
 * pooled connection, so without a bound a few importers could take every connection a teller's posting
 * needs. One more than {@value #AT_ONCE} is answered 503 (try again shortly), not queued.
 */
@Component
public class BatchStreamSlots {

    public static final int AT_ONCE = 2;

    private final Semaphore slots = new Semaphore(AT_ONCE);

    /** Takes a slot if one is free; the caller leaves it when its stream ends. */
    public boolean tryEnter() {
        return slots.tryAcquire();
    }

    public void leave() {
        slots.release();
    }
}
