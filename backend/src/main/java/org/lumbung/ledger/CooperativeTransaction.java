package org.lumbung.ledger;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.function.Function;

/**
 * A transaction of work done for one cooperative on behalf of several callers (a group commit, a chunk
 * of a bulk job): it runs under exactly that cooperative's row-level-security scope, whoever's thread
 * and connection carry it, so it can neither see nor write any other cooperative's rows.
 */
final class CooperativeTransaction {

    private CooperativeTransaction() {
    }

    static <T> T run(DSLContext dsl, long cooperativeId, Function<DSLContext, T> work) {
        return dsl.transactionResult(c -> {
            // local to the transaction: the pooled session's own scope is back after commit or rollback
            c.dsl().select(DSL.field("set_config('lumbung.cooperative_ids', {0}, true)", String.class,
                    DSL.val(Long.toString(cooperativeId)))).fetch();
            return work.apply(c.dsl());
        });
    }
}
