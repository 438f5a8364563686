package org.lumbung.platform.db;

import java.util.function.Supplier;

/**
 * Which cooperatives the current work may see, as PostgreSQL's row-level security reads it from the
 * session setting lumbung.cooperative_ids: a comma-separated list of ids, "*" for all, "" for none.
 */
@FunctionalInterface
public interface CooperativeScope {

    String ALL = "*";
    String NONE = "";

    String current();

    /**
     * The signed-in person's user name, set as lumbung.actor next to the scope: row-level security shows a
     * person her own audit-log rows that belong to no cooperative (her sign-ins). Empty for nobody.
     */
    default String actor() {
        return "";
    }

    /**
     * Whether the current work only reads (a federation's sign-in): set as lumbung.read_only, under which
     * row-level security refuses every write of a business row. The system's own work never is.
     */
    default boolean readOnly() {
        return false;
    }

    /** Work of the system itself (loading the sample data) sees every cooperative, on this thread only. */
    static <T> T asSystem(Supplier<T> work) {
        String previous = SystemScope.HOLDER.get();
        SystemScope.HOLDER.set(ALL);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                SystemScope.HOLDER.remove();
            } else {
                SystemScope.HOLDER.set(previous);
            }
        }
    }

    /** The system scope of this thread, if it runs as the system. */
    static String system() {
        return SystemScope.HOLDER.get();
    }

    final class SystemScope {
        static final ThreadLocal<String> HOLDER = new ThreadLocal<>();

        private SystemScope() {
        }
    }
}
