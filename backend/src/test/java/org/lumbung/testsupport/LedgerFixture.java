package org.lumbung.testsupport;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeCreated;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.cooperative.NewCooperative;
import org.lumbung.ledger.BulkPosting;
import org.lumbung.ledger.ChainVerifier;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.ChartTemplates;
import org.lumbung.ledger.LedgerQueries;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PeriodService;
import org.lumbung.platform.db.ScopedDataSource;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The ledger's services wired by hand on a real PostgreSQL, without Spring: for property-based tests
 * (jqwik runs outside the Spring extension), the crash-test client JVM and the benchmark.
 */
public final class LedgerFixture implements AutoCloseable {

    public final HikariDataSource dataSource;
    public final DSLContext dsl;
    public final ChartOfAccounts chart;
    public final CooperativeService cooperatives;
    public final LedgerService ledger;
    public final BulkPosting bulk;
    public final LedgerQueries queries;
    public final PeriodService periods;
    public final ChainVerifier verifier;

    private LedgerFixture(String url, String user, String password, int poolSize) {
        this(url, user, password, poolSize, null);
    }

    /** {@code scope}: when given, every connection carries it as the application's ScopedDataSource sets it. */
    private LedgerFixture(String url, String user, String password, int poolSize, Supplier<String> scope) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        dataSource = new HikariDataSource(config);
        // the session's actor, which row-level security reads for the audit log, is the database user here
        dsl = DSL.using(scope == null ? dataSource : new ScopedDataSource(dataSource, scope, () -> user), SQLDialect.POSTGRES);
        Clock clock = Clock.systemUTC();
        chart = new ChartOfAccounts(dsl, new ChartTemplates());
        cooperatives = new CooperativeService(dsl, event -> chart.onCooperativeCreated((CooperativeCreated) event));
        ledger = new LedgerService(dsl, clock);
        bulk = new BulkPosting(dsl, clock);
        queries = new LedgerQueries(dsl, chart);
        periods = new PeriodService(dsl, clock);
        verifier = new ChainVerifier(dsl, clock);
    }

    /** On a fresh database of the test PostgreSQL. */
    public static LedgerFixture fresh(int poolSize) {
        TestPostgres.Database db = TestPostgres.freshDatabase();
        return new LedgerFixture(db.url(), db.user(), db.password(), poolSize);
    }

    public static LedgerFixture on(String url, String user, String password, int poolSize) {
        return new LedgerFixture(url, user, password, poolSize);
    }

    /**
     * As the application connects: as {@code user} (lumbung_app, under row-level security), each connection
     * scoped to the cooperatives {@code scope} answers on the calling thread.
     */
    public static LedgerFixture scoped(String url, String user, String password, int poolSize, Supplier<String> scope) {
        return new LedgerFixture(url, user, password, poolSize, scope);
    }

    public Cooperative newCooperative() {
        String code = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return cooperatives.create(new NewCooperative(code, "Koperasi " + code, "Ngrupit", "Ponorogo", "Jawa Timur",
                "ID", "IDR", "id", "Asia/Jakarta"));
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
