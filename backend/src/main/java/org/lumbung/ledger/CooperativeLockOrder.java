package org.lumbung.ledger;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The lock order across cooperatives: a caller's transaction that posts in several cooperatives (a
 * transfer between two, later) takes their head locks in ascending cooperative id. Within one
 * cooperative the head lock orders everything else; across cooperatives, two transactions taking
 * heads in opposite orders would deadlock. So a posting to a cooperative below one the transaction
 * already holds is refused before it locks anything, instead of deadlocking at random under load.
 */
final class CooperativeLockOrder {

    private static final Object KEY = new Object();

    private CooperativeLockOrder() {
    }

    /** In an active Spring transaction: records the cooperative, refusing one out of ascending order. */
    static void require(long cooperativeId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        long[] highest = (long[]) TransactionSynchronizationManager.getResource(KEY);
        if (highest == null) {
            TransactionSynchronizationManager.bindResource(KEY, new long[]{cooperativeId});
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
        } else if (cooperativeId < highest[0]) {
            throw new IllegalStateException("one transaction posts in cooperatives in ascending id order: "
                    + cooperativeId + " after " + highest[0]);
        } else {
            highest[0] = cooperativeId;
        }
    }
}
