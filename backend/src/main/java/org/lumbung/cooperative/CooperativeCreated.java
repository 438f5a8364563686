package org.lumbung.cooperative;

/**
 * Published inside the transaction that creates a cooperative, so other features (the ledger opens its
 * chart of accounts) set themselves up atomically with it, without this package depending on them.
 */
public record CooperativeCreated(Cooperative cooperative) {
}
