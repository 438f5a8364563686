package org.lumbung.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.Locale;

/**
 * Every API error as an RFC 7807 problem detail with a translated message (Accept-Language: en or id).
 * Malformed input is a 4xx (Spring MVC's own exceptions through the superclass); an unexpected failure is a 500 without internals, logged with a reference.
 */
@RestControllerAdvice(basePackages = "org.lumbung")
public class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    // Spring MVC's own exceptions (unreadable body, wrong types, missing headers, 404, 405) become
    // problem details in ResponseEntityExceptionHandler with their proper 4xx status.

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e, Locale locale) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, Messages.of(e, locale));
        problem.setType(URI.create("urn:lumbung:problem:" + e.messageKey()));
        problem.setProperty("code", e.messageKey());
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler({IllegalArgumentException.class, java.time.format.DateTimeParseException.class})
    ResponseEntity<ProblemDetail> malformed(Exception e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                Messages.get("api.malformed", locale));
        problem.setProperty("code", "api.malformed");
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, Messages.get("access.denied", locale));
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request, Locale locale) {
        String reference = Long.toString(System.nanoTime(), 36);
        log.error("unexpected failure {} on {} {}", reference, request.getMethod(), request.getRequestURI(), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                Messages.get("api.unexpected", locale, reference));
        return ResponseEntity.internalServerError().body(problem);
    }
}
