package org.lumbung.ledger;

import org.jspecify.annotations.Nullable;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A request on its way in, with what the chain needs beyond it: the entry it reverses, the reason, and
 * the hash of its content (what a replay of its key must repeat), and the caller's rule that must hold
 * under the locks (a replay does not run it: the original entry already passed it).
 */
record Draft(PostingRequest request, @Nullable Long reversesEntryId, @Nullable String reversalReason, String requestHash,
             Precondition precondition) {

    /**
     * Below this many entries a batch is drafted (and sealed, see {@link PostingPipeline}) on the caller's
     * thread: forking costs more than it saves.
     */
    static final int PARALLEL_FROM = 64;

    /** Checked before it is hashed: the hash reads every line and writes out every amount. */
    static Draft of(PostingRequest r, @Nullable Long reversesEntryId, @Nullable String reason) {
        validateShape(r);
        String hash = EntryFingerprint.requestHash(r.valueDate(), r.description() == null ? null : r.description().strip(),
                r.sourceType(), r.sourceRef(), reversesEntryId, r.lines());
        return new Draft(r, reversesEntryId, reason, hash, Precondition.NONE);
    }

    /** A posting drafted, or the reason its shape (or its batch's rule) refused it. */
    record Drafted(GuardedPosting posting, @Nullable Draft draft, @Nullable DomainException refusal) {
    }

    /**
     * The drafts of a batch, in its order. Each is validated and hashed on its own, so a large batch is
     * spread over the machine's cores (before the ledger's head lock is taken); the first
     * refusal in the batch's order is the one thrown, as one by one would throw it. {@code batchRule} is what
     * the batch asks of each request beyond its own shape (checked first).
     */
    static List<Draft> allOf(List<GuardedPosting> postings, Consumer<PostingRequest> batchRule) {
        List<Drafted> each = eachOf(postings, batchRule);
        for (Drafted d : each) {
            if (d.refusal() != null) {
                throw d.refusal();
            }
        }
        return each.stream().map(Drafted::draft).toList();
    }

    /**
     * Each posting drafted or refused on its own, in the batch's order (on all cores from
     * {@link #PARALLEL_FROM} postings): for a job that reports refusals per entry and books the rest.
     */
    static List<Drafted> eachOf(List<GuardedPosting> postings, Consumer<PostingRequest> batchRule) {
        Function<GuardedPosting, Drafted> draft = g -> {
            try {
                batchRule.accept(g.request());
                return new Drafted(g, of(g), null);
            } catch (DomainException e) {
                return new Drafted(g, null, e);
            }
        };
        Stream<GuardedPosting> each = postings.size() < PARALLEL_FROM ? postings.stream() : postings.parallelStream();
        return each.map(draft).toList();
    }

    static Draft of(GuardedPosting g) {
        return of(g.request(), null, null).guardedBy(g.precondition());
    }

    Draft guardedBy(Precondition rule) {
        return new Draft(request, reversesEntryId, reversalReason, requestHash, rule);
    }

    String key() {
        return request.idempotencyKey();
    }

    long cooperativeId() {
        return request.cooperativeId();
    }

    /** Everything that can be checked without the database: sizes, patterns, presence, signs. */
    private static void validateShape(PostingRequest request) {
        validateHeader(request);
        DomainException.require(request.lines().size() >= LedgerLimits.MIN_LINES && request.lines().size() <= LedgerLimits.MAX_LINES,
                "ledger.lines.count", LedgerLimits.MIN_LINES, LedgerLimits.MAX_LINES);
        DomainException.require(request.valueDate() == null || !request.valueDate().isBefore(LedgerLimits.EARLIEST_VALUE_DATE),
                "ledger.value-date.too-early", LedgerLimits.EARLIEST_VALUE_DATE);
        for (PostingLine line : request.lines()) {
            validateLine(line);
        }
    }

    private static void validateHeader(PostingRequest r) {
        String key = r.idempotencyKey();
        DomainException.require(key != null && key.length() >= LedgerLimits.MIN_KEY && key.length() <= LedgerLimits.MAX_KEY
                && LedgerLimits.KEY_PATTERN.matcher(key).matches(), "ledger.key.invalid", LedgerLimits.MIN_KEY, LedgerLimits.MAX_KEY);
        DomainException.require(r.description() != null && !r.description().isBlank()
                && r.description().strip().length() <= LedgerLimits.MAX_DESCRIPTION, "ledger.description.invalid",
                LedgerLimits.MAX_DESCRIPTION);
        DomainException.require(r.sourceType() != null && LedgerLimits.SOURCE_TYPE_PATTERN.matcher(r.sourceType()).matches(),
                "ledger.source.invalid");
        DomainException.require(r.sourceRef() == null || r.sourceRef().length() <= LedgerLimits.MAX_SOURCE_REF,
                "ledger.source.invalid");
        DomainException.require(r.actor() != null && !r.actor().isBlank() && r.actor().length() <= 64, "ledger.actor.missing");
    }

    private static void validateLine(PostingLine line) {
        DomainException.require(line != null && line.accountCode() != null && !line.accountCode().isBlank()
                && line.accountCode().length() <= 32, "ledger.line.account.missing");
        DomainException.require(line.side() != null, "ledger.line.side.missing");
        Amounts.requireBounded(line.amount());
    }
}
