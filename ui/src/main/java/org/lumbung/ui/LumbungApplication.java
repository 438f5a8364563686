package org.lumbung.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.theme.Theme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Lumbung, the cooperative's barn for money. Starts on the embedded PostgreSQL unless
 * {@code SPRING_DATASOURCE_URL} names another server.
 */
// Every feature package below org.lumbung is found by the scan, so a new feature plugs in without editing a list here.
// The backend's test jar (on the ui tests' class path) holds its own test application and benchmarks: never scanned.
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = "org.lumbung", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.lumbung\\.(testsupport|bench)\\..*")})
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
