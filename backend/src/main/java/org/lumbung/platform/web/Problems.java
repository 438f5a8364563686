package org.lumbung.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * RFC 7807 problems of the API, each with a stable {@code code} (a message key) and a detail in the reader's
 * language. One place decides the code of a bare HTTP status, so an error answered by a controller, by the
 * security chain, by the error page or by Tomcat itself carries the same code for the same status.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String API_PREFIX = "/api/";
    private static final String TYPE_PREFIX = "urn:lumbung:problem:";
    /** Writes plain maps only: no configuration of the application's mapper can change a problem's shape. */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ECHOED = 100;
    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    /** The stable code of an error that has only its HTTP status to tell. */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "api.malformed";
            case 401 -> "access.signed-out";
            case 403 -> "access.denied";
            case 404 -> "api.not-found";
            case 405 -> "api.method-not-allowed";
            case 406 -> "api.not-acceptable";
            case 408 -> "api.timeout";
            case 413, 414, 431 -> "api.too-large";
            case 415 -> "api.media-type";
            default -> status >= 500 ? "api.unavailable" : "api.refused";
        };
    }

    public static ProblemDetail of(HttpStatus status, String code, Locale locale, Object... arguments) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, Messages.get(code, locale, arguments));
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setProperty("code", code);
        return problem;
    }

    /** A refusal of the domain: its kind decides the status, its message key is the code. */
    public static ProblemDetail of(DomainException e, Locale locale) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, Messages.of(e, locale));
        problem.setType(URI.create(TYPE_PREFIX + e.messageKey()));
        problem.setProperty("code", e.messageKey());
        return problem;
    }

    /**
     * A failure nobody foresaw: logged in full under a short reference, answered as a 500 that gives the reader
     * only that reference to quote (never the exception's text).
     */
    public static ProblemDetail unexpected(Throwable e, String where, Locale locale) {
        String reference = reference();
        log.error("unexpected failure {} {}", reference, where, e);
        return of(HttpStatus.INTERNAL_SERVER_ERROR, "api.unexpected", locale, reference);
    }

    /** A value the database refused: a 422 whose reference finds the constraint or error in the log. */
    public static ProblemDetail refusedByTheDatabase(DataAccessException e, String where, Locale locale) {
        String reference = reference();
        log.warn("refused by the database {} {}: {}", reference, where, e.getMostSpecificCause().getMessage());
        return of(HttpStatus.UNPROCESSABLE_ENTITY, "api.refused-by-database", locale, reference);
    }

    /** A short reference the reader quotes and the log is searched for. */
    private static String reference() {
        return Long.toString(System.nanoTime(), 36);
    }

        /** Names the field of the body that could not be read, when the reader knows it. */
    public static void nameField(ProblemDetail problem, JsonMappingException mapping) {
        if (!mapping.getPath().isEmpty()) {
            problem.setProperty("field", bounded(mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."))));
        }
    }

    /** Enough of a text (a JSON path, a header's name) to find what it names; a hostile one is not echoed in full. */
    static String bounded(String text) {
        return text.length() <= MAX_ECHOED ? text : text.substring(0, MAX_ECHOED) + "…";
    }

    public static boolean isApi(String path) {
        return path != null && (path.startsWith(API_PREFIX) || path.equals("/api"));
    }

    /** The problem's members in order: type, title, status, detail, code and any further properties. */
    public static Map<String, Object> fields(ProblemDetail problem) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", problem.getType().toString());
        fields.put("title", problem.getTitle());
        fields.put("status", problem.getStatus());
        fields.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            fields.putAll(problem.getProperties());
        }
        return fields;
    }

    /** The problem as JSON text. */
    public static byte[] json(ProblemDetail problem) {
        try {
            return JSON.writeValueAsBytes(fields(problem));
        } catch (IOException e) {
            throw new IllegalStateException("a problem of plain values cannot fail to serialise", e);
        }
    }

    /** Answers with the problem, from code that runs outside Spring MVC (filters, the security chain). */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        byte[] body = json(problem);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                             Object... arguments) throws IOException {
        write(response, of(status, code, Messages.supported(request.getLocale()), arguments));
    }
}
