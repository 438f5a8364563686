package org.lumbung.platform.db;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Refreshes the planner's statistics of tables that a long transaction (the sample data, an import of
 * thousands of members) has just filled. Until then PostgreSQL plans, and caches per connection, its
 * foreign-key checks as if the tables were empty, and every row costs more than the one before. ANALYZE
 * inside the transaction counts its own new rows. The application role may analyse from PostgreSQL 17
 * on (the MAINTAIN privilege, changeset 013); on older servers PostgreSQL skips with a warning and
 * autovacuum catches up after the commit.
 */
@Component
public class TableStatistics {

    private static final List<String> BUSY_TABLES = List.of("member", "ledger_account", "journal_entry", "journal_line",
            "savings_account", "savings_transaction");

    private final DSLContext dsl;

    public TableStatistics(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void refresh() {
        for (String table : BUSY_TABLES) {
            dsl.execute("analyze {0}", DSL.name(table));
        }
    }
}
