package org.lumbung.ui.security;

import com.vaadin.flow.spring.security.NavigationAccessControlConfigurer;
import com.vaadin.flow.spring.security.VaadinWebSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

/**
 * Two doors: the integration API under /api/** (API tokens or HTTP Basic, stateless, no CSRF because no
 * cookies) and
 * the Vaadin application (form sign-in, Vaadin's view access checks, CSRF as Vaadin uses it).
 */
@Configuration
@EnableWebSecurity
public class SecurityConfiguration extends VaadinWebSecurity {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "frame-ancestors 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

    /** Navigation is checked against the access table only (see {@link AbilityAccessChecker}). */
    @Bean
    static NavigationAccessControlConfigurer navigationAccessControlConfigurer(AbilityAccessChecker abilities) {
        return new NavigationAccessControlConfigurer().withNavigationAccessChecker(abilities);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, org.lumbung.security.ApiTokens tokens) throws Exception {
        return http.securityMatcher("/api/**")
                .addFilterBefore(new ApiTokenFilter(tokens),
                        org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers(
                new AntPathRequestMatcher("/actuator/health/**"),
                new AntPathRequestMatcher("/actuator/health"),
                new AntPathRequestMatcher("/v3/api-docs/**"),
                new AntPathRequestMatcher("/swagger-ui/**"),
                new AntPathRequestMatcher("/swagger-ui.html")).permitAll());
        // Vaadin's client runs inline bootstrap scripts and builds functions for executeJs, hence the
        // 'unsafe-inline' and 'unsafe-eval'; everything else is this origin only. HSTS is sent on HTTPS.
        http.headers(h -> h.frameOptions(f -> f.sameOrigin())
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        super.configure(http);
        setLoginView(http, LoginView.class);
    }
}
