package org.lumbung.platform.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.lumbung.platform.i18n.Messages;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Tomcat's own error answer, for what it refuses before the application sees the request (a {@code %00} in
 * the path, a header over the limit) or when nothing else wrote a body: an RFC 7807 problem with the stable
 * code of its status, never Tomcat's HTML page with its version.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        HttpStatus answered = known != null ? known : HttpStatus.BAD_REQUEST;
        byte[] body = Problems.json(Problems.of(answered, Problems.codeFor(status), locale(request)));
        try {
            response.setContentType(Problems.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(new String(body, StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body: nothing more to tell
        }
    }

    /** The request's language when its headers could be read; English otherwise. */
    private static Locale locale(Request request) {
        try {
            return Messages.supported(request.getLocale());
        } catch (RuntimeException e) {
            return Messages.ENGLISH;
        }
    }
}
