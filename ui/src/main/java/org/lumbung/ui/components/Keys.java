package org.lumbung.ui.components;

import java.util.UUID;

/**
 * Idempotency keys of the booking forms: one is made when a form or dialog opens, reused when the
 * person retries after a refusal or a lost answer, and replaced after a success.
 */
public final class Keys {

    private Keys() {
    }

    /** "ui-" and a random UUID: 39 characters of [A-Za-z0-9-], inside the services' key pattern. */
    public static String newKey() {
        return "ui-" + UUID.randomUUID();
    }
}
