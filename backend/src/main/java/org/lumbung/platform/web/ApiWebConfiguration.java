package org.lumbung.platform.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import java.util.Map;

/**
 * The web edge of the API: the body limit and UTF-8 check, the 404 problem for any /api path no endpoint
 * serves (before Vaadin's catch-all mapping could answer with its page), the error page and Tomcat's own
 * error answer as problems.
 */
@Configuration(proxyBeanMethods = false)
public class ApiWebConfiguration {

    /** After Spring's annotated endpoints (order 0), before Vaadin's and the static resources' catch-all. */
    static final int API_FALLBACK_ORDER = 1;

    @Bean
    FilterRegistrationBean<ApiRequestBody> apiRequestBody() {
        FilterRegistrationBean<ApiRequestBody> registration = new FilterRegistrationBean<>(new ApiRequestBody());
        registration.addUrlPatterns("/api/*");
        // after the security chain (-100): an anonymous caller's body is never read
        registration.setOrder(0);
        return registration;
    }

    @Bean
    SimpleUrlHandlerMapping apiNotFound() {
        HttpRequestHandler notFound = (request, response) ->
                Problems.write(request, response, HttpStatus.NOT_FOUND, "api.not-found");
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/api/**", notFound, "/api", notFound));
        mapping.setOrder(API_FALLBACK_ORDER);
        return mapping;
    }

    @Bean
    ApiErrorPage apiErrorPage(ErrorAttributes errorAttributes, ServerProperties server,
                              ObjectProvider<ErrorViewResolver> resolvers) {
        return new ApiErrorPage(errorAttributes, server.getError(), resolvers.orderedStream().toList());
    }

    /** Replaces Tomcat's HTML error report (and Spring Boot's plain one) on the host with the problem valve. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return new OrderedCustomizer();
    }

    private static final class OrderedCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (!(context.getParent() instanceof StandardHost host)) {
                    return;
                }
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                host.getPipeline().addValve(new ProblemErrorReportValve());
            });
        }

        @Override
        public int getOrder() {
            // after Spring Boot's own Tomcat customizer, which adds its plain ErrorReportValve
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
