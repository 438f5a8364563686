package org.lumbung.security;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** An integration's API token as an administrator sees it: never the secret. */
public record ApiToken(long id, long cooperativeId, String name, Role role, String prefix, String createdBy,
                       Instant createdAt, @Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
