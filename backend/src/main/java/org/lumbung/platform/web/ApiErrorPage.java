package org.lumbung.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.lumbung.platform.i18n.Messages;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The servlet container's error page. For a request under /api/ whatever its Accept header it is a problem
 * with the stable code of its status ({@link Problems#codeFor}): a 405, a 404 of the container, an error
 * raised in a filter. Everything else keeps Spring Boot's page.
 */
public class ApiErrorPage extends BasicErrorController {

    public ApiErrorPage(ErrorAttributes errorAttributes, ErrorProperties errorProperties,
                        List<ErrorViewResolver> errorViewResolvers) {
        super(errorAttributes, errorProperties, errorViewResolvers);
    }

    /** An error dispatch of a request that was addressed to the API. */
    public static boolean isApiError(HttpServletRequest request) {
        return Problems.isApi((String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
    }

    @Override
    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    public @Nullable ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (!isApiError(request)) {
            return super.errorHtml(request, response);
        }
        try {
            Problems.write(response, problem(request));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }

    @Override
    @RequestMapping
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        if (!isApiError(request)) {
            return super.error(request);
        }
        ProblemDetail problem = problem(request);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.valueOf(Problems.MEDIA_TYPE))
                .body(Problems.fields(problem));
    }

    private ProblemDetail problem(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status.value() < 400) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String code = Problems.codeFor(status.value());
        return Problems.of(status, code, Messages.supported(request.getLocale()));
    }
}
