package org.lumbung.testsupport;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * The backend's services without the UI, for the backend's own Spring tests. The real application scans
 * only the feature packages, so it never picks this class up from the test jar.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@ComponentScan(basePackages = {"org.lumbung.cooperative", "org.lumbung.members", "org.lumbung.ledger",
        "org.lumbung.security", "org.lumbung.reports", "org.lumbung.platform", "org.lumbung.audit", "org.lumbung.savings",
        "org.lumbung.sampledata", "org.lumbung.loans",
        "org.lumbung.fx", "org.lumbung.remittance", "org.lumbung.sales", "org.lumbung.district", "org.lumbung.auditpack"})
public class BackendTestApplication {
}
