package org.lumbung.ui.security;

import com.vaadin.flow.spring.security.NavigationAccessControlConfigurer;
import com.vaadin.flow.spring.security.VaadinWebSecurity;
import jakarta.servlet.DispatcherType;
import org.lumbung.audit.AuditLog;
import org.lumbung.platform.web.ApiErrorPage;
import org.lumbung.security.ApiTokens;
import org.lumbung.security.SignInThrottledException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import java.time.Clock;
import java.util.Map;

/**
 * Two doors: the integration API under /api/** (API tokens or HTTP Basic, stateless, no CSRF because no
 * cookies) and
 * the Vaadin application (form sign-in, Vaadin's view access checks, CSRF as Vaadin uses it, and on the
 * sign-in form too: {@link LoginCsrfCheck}). The session cookie is SameSite=Lax (application.properties).
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

    /**
     * The API's door: a request under /api/, and the error dispatch of one (so an error page of the API is a
     * problem, not a redirect to the sign-in page). A missing or bad credential is a 401 problem, a missing
     * right a 403 problem, whatever the Accept header.
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens,
                            AuthenticationConfiguration authentication, UserDetailsService users, Clock clock,
                            AuditLog audit)
            throws Exception {
        ApiProblems problems = new ApiProblems();
        return http.securityMatcher(new OrRequestMatcher(new AntPathRequestMatcher("/api/**"), ApiErrorPage::isApiError))
                .addFilterBefore(new ApiTokenFilter(tokens, problems, audit),
                        BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().authenticated())
                .authenticationManager(new CachedApiSignIn(authentication.getAuthenticationManager(), users, clock))
                .httpBasic(b -> b.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
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
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        super.configure(http);
        setLoginView(http, LoginView.class);
        http.addFilterBefore(new LoginCsrfCheck("/login"), UsernamePasswordAuthenticationFilter.class);
        // a refusal for too many failures from one address gets its own message on the sign-in page
        ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/login?error");
        failures.setExceptionMappings(Map.of(SignInThrottledException.class.getName(), "/login?" + LoginView.THROTTLED));
        http.formLogin(form -> form.failureHandler(failures));
    }
}
