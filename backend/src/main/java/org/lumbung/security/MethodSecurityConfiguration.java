package org.lumbung.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * Service methods check the caller's role themselves ({@code @PreAuthorize}), so a screen or endpoint
 * that forgets a check still cannot change what its user may not change.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class MethodSecurityConfiguration {
}
