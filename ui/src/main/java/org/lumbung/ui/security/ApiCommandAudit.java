package org.lumbung.ui.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lumbung.audit.AuditLog;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every command (non-GET request) of the integration API goes to the audit log with its outcome. */
@Configuration(proxyBeanMethods = false)
public class ApiCommandAudit implements WebMvcConfigurer, HandlerInterceptor {

    private static final Pattern COOPERATIVE = Pattern.compile("^/api/v1/cooperatives/([a-z0-9-]{2,16})(/.*)?$");

    private final AuditLog audit;
    private final CooperativeService cooperatives;

    public ApiCommandAudit(AuditLog audit, CooperativeService cooperatives) {
        this.audit = audit;
        this.cooperatives = cooperatives;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()) || "OPTIONS".equals(request.getMethod())) {
            return;
        }
        Matcher m = COOPERATIVE.matcher(request.getRequestURI());
        Long cooperativeId = m.matches() ? cooperatives.findByCode(m.group(1)).map(Cooperative::id).orElse(null) : null;
        int status = response.getStatus();
        AuditLog.Outcome outcome = status < 400 ? AuditLog.Outcome.OK : status < 500 ? AuditLog.Outcome.REFUSED : AuditLog.Outcome.FAILED;
        audit.record(cooperativeId, "API_COMMAND", outcome,
                request.getMethod() + " " + request.getRequestURI() + " → " + status);
    }
}
