package org.lumbung.ledger;

import org.jspecify.annotations.Nullable;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;

import java.util.List;
import java.util.Locale;

/**
 * The result of recomputing a cooperative's hash chain: "entries 1..{@code entriesChecked} have
 * fingerprint {@code headFingerprint}". When broken, {@code firstBrokenSequence} names the first entry
 * whose stored link does not match what its content hashes to, and {@code problemKey} (a message key,
 * with {@code problemArguments}) says why. {@code balancesOk} tells whether every maintained balance still
 * equals the sum of its lines. {@code checkpoint} answers, when one was given, whether today's chain still
 * passes through a (sequence, fingerprint) written down earlier.
 */
public record ChainVerification(boolean ok, long entriesChecked, String headFingerprint, @Nullable Long firstBrokenSequence,
                                @Nullable String problemKey, List<Object> problemArguments, boolean balancesOk,
                                long accountsChecked, @Nullable String mismatchedAccount,
                                @Nullable CheckpointResult checkpoint) {

    public ChainVerification {
        problemArguments = problemArguments == null ? List.of() : List.copyOf(problemArguments);
    }

    /** Why the chain or the balances fail, in the reader's language; null when all is well. */
    public @Nullable String problem(Locale locale) {
        return problemKey == null ? null : Messages.get(problemKey, locale, problemArguments.toArray());
    }

    /** An earlier written-down head: entries 1..{@code sequence} had fingerprint {@code fingerprint}. */
    public record Checkpoint(long sequence, String fingerprint) {

        public Checkpoint {
            if (sequence < 0 || fingerprint == null || !fingerprint.matches("[0-9a-f]{64}")) {
                throw DomainException.invalid("chain.checkpoint.invalid");
            }
        }

        /** From what a person typed: spaces and upper case are forgiven, anything else is refused. */
        public static Checkpoint parse(@Nullable Long sequence, @Nullable String fingerprint) {
            if (sequence == null || fingerprint == null) {
                throw DomainException.invalid("chain.checkpoint.invalid");
            }
            String cleaned = fingerprint.length() > 200 ? fingerprint : fingerprint.replaceAll("\\s", "").toLowerCase(Locale.ROOT);
            return new Checkpoint(sequence, cleaned);
        }
    }

    /** Whether today's chain passes through a checkpoint. */
    public enum CheckpointResult {
        /** The entry at that sequence verifies and has exactly that fingerprint: history was only appended to. */
        PASSES,
        /** The entry at that sequence has another fingerprint: history before it was rewritten. */
        DIFFERS,
        /** The chain does not reach that sequence (entries were removed, or the checkpoint is mistyped). */
        NOT_REACHED,
        /** The chain is broken before that sequence, so it cannot pass through it. */
        BROKEN_BEFORE
    }
}
