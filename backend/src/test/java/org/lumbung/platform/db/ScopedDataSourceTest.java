package org.lumbung.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.lumbung.testsupport.TestPostgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** One pooled connection, three people in turn: each checkout carries exactly the current person's scope. */
class ScopedDataSourceTest {

    @Test
    void everyCheckoutCarriesTheCurrentScopeEvenOnTheSameConnection() throws Exception {
        TestPostgres.Database db = TestPostgres.freshDatabase();
        AtomicReference<String> person = new AtomicReference<>("7");
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(db.url());
            pool.setUsername(db.user());
            pool.setPassword(db.password());
            pool.setMaximumPoolSize(1);
            ScopedDataSource scoped = new ScopedDataSource(pool, person::get);
            for (String scope : new String[]{"7", "7", "*", "", "7,8", "7", ""}) {
                person.set(scope);
                assertThat(setting(scoped, false)).isEqualTo(scope);
            }
            // a setting made inside a transaction is not trusted afterwards
            person.set("9");
            assertThat(setting(scoped, true)).isEqualTo("9");
            person.set("9");
            assertThat(setting(scoped, false)).isEqualTo("9");
        }
    }

    private static String setting(ScopedDataSource dataSource, boolean rollBack) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (rollBack) {
                c.setAutoCommit(false);
                s.execute("select set_config('lumbung.cooperative_ids', 'other', false)");
                c.rollback();
                c.setAutoCommit(true);
            }
            try (ResultSet rs = s.executeQuery("select current_setting('lumbung.cooperative_ids', true)")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
