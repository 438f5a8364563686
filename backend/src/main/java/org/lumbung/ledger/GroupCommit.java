package org.lumbung.ledger;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The group commit of one cooperative. The first poster becomes the leader and writes everything queued
 * (up to {@link #MAX_GROUP}, one draft per key) in one transaction; then it hands the leadership to the
 * oldest waiting poster, so no caller works for others for more than one round.
 */
final class GroupCommit {

    /** At most this many postings share one group commit. */
    static final int MAX_GROUP = 64;

    /** How a group is written: together with each draft standing alone, or one draft in its own transaction. */
    interface Writer {
        List<Outcome> group(long cooperativeId, List<Draft> drafts);

        PostingResult alone(long cooperativeId, Draft draft);
    }

    private record Pending(Draft draft, CompletableFuture<PostingResult> result, CompletableFuture<Void> lead) {
    }

    private final long cooperativeId;
    private final Writer writer;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean leading;

    GroupCommit(long cooperativeId, Writer writer) {
        this.cooperativeId = cooperativeId;
        this.writer = writer;
    }

    PostingResult post(Draft draft) {
        Pending me = new Pending(draft, new CompletableFuture<>(), new CompletableFuture<>());
        boolean lead;
        synchronized (this) {
            queue.add(me);
            lead = !leading;
            leading = true;
        }
        if (!lead) {
            CompletableFuture.anyOf(me.result(), me.lead()).handle((done, failed) -> null).join();
        }
        if (!me.result().isDone()) {
            commitRound();
        }
        try {
            return me.result().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** One round as leader; then passes the leadership on, or gives it up when nobody waits. */
    private void commitRound() {
        List<Pending> group = takeRound();
        try {
            commit(group);
        } catch (Error e) {
            group.forEach(p -> p.result().completeExceptionally(e)); // nobody waits for ever
            throw e;
        } finally {
            synchronized (this) {
                Pending next = queue.peek();
                if (next == null) {
                    leading = false;
                } else {
                    next.lead().complete(null);
                }
            }
        }
    }

    /** The next round: queued postings in order, a repeated key waiting for the next round. */
    private synchronized List<Pending> takeRound() {
        List<Pending> group = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        Iterator<Pending> it = queue.iterator();
        while (it.hasNext() && group.size() < MAX_GROUP) {
            Pending p = it.next();
            if (keys.add(p.draft().key())) {
                group.add(p);
                it.remove();
            }
        }
        return group;
    }

    private void commit(List<Pending> group) {
        List<Outcome> outcomes;
        try {
            outcomes = writer.group(cooperativeId, group.stream().map(Pending::draft).toList());
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.get(0).result().completeExceptionally(e);
                return;
            }
            // an unexpected failure of the group: each posting gets its own transaction and its own answer
            for (Pending p : group) {
                try {
                    p.result().complete(writer.alone(cooperativeId, p.draft()));
                } catch (RuntimeException single) {
                    p.result().completeExceptionally(single);
                }
            }
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            Outcome o = outcomes.get(i);
            if (o.refusal() != null) {
                group.get(i).result().completeExceptionally(o.refusal());
            } else {
                group.get(i).result().complete(o.result());
            }
        }
    }
}
