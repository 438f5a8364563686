package org.lumbung.testsupport;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The backend's services without the UI, for the backend's own Spring tests: every feature package below
 * org.lumbung but the UI. The real application leaves org.lumbung.testsupport out of its scan, so it never picks
 * this class up from the test jar.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@ComponentScan(basePackages = "org.lumbung", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        // in the UI's tests (SampleDatabase loads the sample through this class there) the UI is on the class path
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.lumbung\\.ui\\..*")})
public class BackendTestApplication {
}
