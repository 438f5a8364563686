package org.lumbung.ledger;

/**
 * The result of recomputing a cooperative's hash chain: "entries 1..{@code entriesChecked} have
 * fingerprint {@code headFingerprint}". When broken, {@code firstBrokenSequence} names the first entry
 * whose stored link does not match what its content hashes to, and {@code problem} says why.
 * {@code balancesOk} tells whether every maintained balance still equals the sum of its lines.
 */
public record ChainVerification(boolean ok, long entriesChecked, String headFingerprint, Long firstBrokenSequence,
                                String problem, boolean balancesOk, long accountsChecked, String mismatchedAccount) {
}
