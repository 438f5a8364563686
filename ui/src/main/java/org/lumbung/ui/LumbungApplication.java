package org.lumbung.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.theme.Theme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Lumbung, the cooperative's barn for money. Starts on the embedded PostgreSQL unless
 * {@code SPRING_DATASOURCE_URL} names another server.
 */
@SpringBootApplication(scanBasePackages = {"org.lumbung.platform", "org.lumbung.cooperative", "org.lumbung.security",
        "org.lumbung.members", "org.lumbung.savings", "org.lumbung.ledger", "org.lumbung.reports", "org.lumbung.sampledata", "org.lumbung.audit", "org.lumbung.loans",
        "org.lumbung.fx",
        "org.lumbung.remittance",
        "org.lumbung.sales",
        "org.lumbung.district",
        "org.lumbung.auditpack",
        "org.lumbung.ui"})
// A named application theme (themes/lumbung/styles.css): without a name, the page asked for "VAADIN/themes//styles.css"
// on every load, a console error (400, or a redirect loop before sign-in)
@Theme("lumbung")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class LumbungApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        noPhoningHome();
        SpringApplication.run(LumbungApplication.class, args);
    }

    /** A cooperative's laptop may be offline and its data is private: no analytics, no update checks. */
    public static void noPhoningHome() {
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("vaadin.devmode.usageStatistics.enabled", "false");
    }
}
