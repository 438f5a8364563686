package org.lumbung.platform.db;

import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Hands out connections whose session carries the current cooperative scope, so row-level security
 * in PostgreSQL limits every query — also one that forgets its WHERE clause — to the cooperatives of
 * the signed-in person. Set on every checkout from the pool, because pooled connections move between
 * people.
 */
public class ScopedDataSource extends DelegatingDataSource implements AutoCloseable {

    private final Supplier<String> scope;
    private final Supplier<String> actor;
    private final Supplier<Boolean> readOnly;
    /** The scope and actor each physical connection's session carries now; weak, so closed connections drop out. */
    private final Map<Connection, String> scopeOf = new WeakHashMap<>();

    public ScopedDataSource(DataSource target, Supplier<String> scope) {
        this(target, scope, () -> "");
    }

    /** {@code actor}: the signed-in user name, which row-level security reads as lumbung.actor. */
    public ScopedDataSource(DataSource target, Supplier<String> scope, Supplier<String> actor) {
        this(target, scope, actor, () -> false);
    }

    /** {@code readOnly}: whether the work only reads, which row-level security reads as lumbung.read_only. */
    public ScopedDataSource(DataSource target, Supplier<String> scope, Supplier<String> actor, Supplier<Boolean> readOnly) {
        super(target);
        this.scope = scope;
        this.actor = actor;
        this.readOnly = readOnly;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return scoped(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return scoped(super.getConnection(username, password));
    }

    /** Closes the pool underneath, when it is one. */
    @Override
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    private Connection scoped(Connection connection) throws SQLException {
        String cooperatives = scope.get();
        String who = actor.get();
        String reading = readOnly.get() ? "on" : "off";
        String wanted = cooperatives + '\n' + who + '\n' + reading;
        Connection physical = physical(connection);
        synchronized (scopeOf) {
            if (wanted.equals(scopeOf.get(physical))) {
                return connection; // this pooled connection already carries the scope: save the round trip
            }
        }
        try (PreparedStatement set = connection.prepareStatement(
                "select set_config('lumbung.cooperative_ids', ?, false), set_config('lumbung.actor', ?, false), "
                        + "set_config('lumbung.read_only', ?, false)")) {
            set.setString(1, cooperatives);
            set.setString(2, who);
            set.setString(3, reading);
            set.execute();
            if (!connection.getAutoCommit()) {
                // inside a transaction the setting stands or falls with it: the session's scope is unknown
                synchronized (scopeOf) {
                    scopeOf.remove(physical);
                }
                return connection;
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        synchronized (scopeOf) {
            scopeOf.put(physical, wanted);
        }
        return connection;
    }

    /** The driver's connection under the pool's proxy: what keeps the session setting. */
    private static Connection physical(Connection connection) {
        try {
            return connection.isWrapperFor(PGConnection.class)
                    ? (Connection) connection.unwrap(PGConnection.class) : connection;
        } catch (SQLException e) {
            return connection;
        }
    }
}
