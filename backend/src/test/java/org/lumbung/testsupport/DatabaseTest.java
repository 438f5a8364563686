package org.lumbung.testsupport;

import org.jooq.DSLContext;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.cooperative.NewCooperative;
import org.lumbung.platform.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Base of the backend's integration tests: the backend's services on a real PostgreSQL, with a fresh
 * database for every test class (the context is closed after the class), signed in as an administrator
 * (the services check roles themselves).
 */
@SpringBootTest(properties = "lumbung.sample-data.enabled=false")
@ContextConfiguration(classes = BackendTestApplication.class, initializers = FreshDatabaseInitializer.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@org.springframework.security.test.context.support.WithMockUser(username = "test-admin", roles = "ADMIN")
public abstract class DatabaseTest {

    @Autowired
    protected DSLContext dsl;

    @Autowired
    protected CooperativeService cooperatives;

    /** A new cooperative with the standard chart, base currency IDR. */
    protected Cooperative newCooperative(String code) {
        return cooperatives.create(new NewCooperative(code, "Koperasi " + code, "Ngrupit", "Ponorogo", "Jawa Timur",
                "ID", "IDR", "id", "Asia/Jakarta"));
    }

    /** A fresh idempotency key. */
    protected static String key() {
        return "test-" + UUID.randomUUID();
    }

    /** Asserts that the work is refused with that message key (a {@link DomainException}, what a user is told). */
    protected static void refused(Runnable work, String messageKey) {
        assertThatThrownBy(work::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo(messageKey));
    }

    /** Runs the work signed in as that person (maker-checker needs two), then restores the test's own context. */
    protected static <T> T as(String username, String role, Supplier<T> work) {
        return SignedIn.as(username, role, work);
    }
}
