package org.lumbung.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.servlet.http.HttpServletRequest;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.time.DateTimeException;
import java.util.Locale;

/**
 * Every API error as an RFC 7807 problem detail with a stable {@code code} and a translated message
 * (Accept-Language: en or id). Malformed input is a 4xx (Spring MVC's own exceptions through the superclass,
 * coded by {@link Problems#codeFor}); an unexpected failure is a 500 without internals, logged with a reference.
 * Errors that never reach a controller are answered by {@link ApiErrorPage} and {@link ProblemErrorReportValve}.
 */
@RestControllerAdvice(basePackages = "org.lumbung")
public class ApiErrors extends ResponseEntityExceptionHandler {

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e, Locale locale) {
        return problem(Problems.of(e, locale));
    }

    /** Unreadable input, and a date no calendar arithmetic can take (a query's year -999999999). */
    @ExceptionHandler({IllegalArgumentException.class, DateTimeException.class})
    ResponseEntity<ProblemDetail> malformed(Exception e, Locale locale) {
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "api.malformed", locale));
    }

    /**
     * Two requests creating the same thing at the same moment (a client's retry racing its first attempt): the
     * database's unique constraint let one in; the other is a conflict to read back, not a failure of the server.
     */
    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> concurrent(DuplicateKeyException e, Locale locale) {
        return problem(Problems.of(HttpStatus.CONFLICT, "api.concurrent", locale));
    }

    /**
     * A value the database refuses that no check in Java caught (a date beyond PostgreSQL's calendar, a constraint):
     * the request is refused and nothing was written; the reference finds the cause in the log.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> refusedByTheDatabase(DataIntegrityViolationException e, HttpServletRequest request,
                                                       Locale locale) {
        return problem(Problems.refusedByTheDatabase(e, "on " + request.getMethod() + " " + request.getRequestURI(), locale));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, Locale locale) {
        return problem(Problems.of(HttpStatus.FORBIDDEN, "access.denied", locale));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request, Locale locale) {
        return problem(Problems.unexpected(e, "on " + request.getMethod() + " " + request.getRequestURI(), locale));
    }

    /** Spring MVC's own refusals (unreadable body, wrong types, missing headers, 404, 405): coded and translated. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        Locale locale = Messages.supported(request.getLocale());
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        ProblemDetail problem = ex instanceof MissingRequestHeaderException missing
                ? Problems.of(HttpStatus.BAD_REQUEST, "api.header.missing", locale, Problems.bounded(missing.getHeaderName()))
                : Problems.of(status != null ? status : HttpStatus.BAD_REQUEST, Problems.codeFor(statusCode.value()), locale);
        if (ex instanceof HttpMessageNotReadableException && ex.getCause() instanceof JsonMappingException mapping) {
            Problems.nameField(problem, mapping);
        }
        HttpHeaders answered = new HttpHeaders();
        answered.addAll(headers);
        answered.setContentType(MediaType.valueOf(Problems.MEDIA_TYPE));
        return ResponseEntity.status(statusCode).headers(answered).body(problem);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.valueOf(Problems.MEDIA_TYPE)).body(problem);
    }
}
