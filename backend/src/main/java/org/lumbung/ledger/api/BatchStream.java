package org.lumbung.ledger.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.lumbung.ledger.BatchOutcome;
import org.lumbung.ledger.PostingResult;
import org.lumbung.ledger.api.LedgerApiModels.BatchAnswer;
import org.lumbung.ledger.api.LedgerApiModels.BookedEntry;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The answer of {@code POST …/journal-entries/batches}: one NDJSON line per batch, in the body's order, each
 * written and flushed as its batch commits or is refused. It begins with the first batch's line; until then
 * a failure is still the whole answer, a problem like any other (so a body whose first line cannot be read is
 * answered as {@code POST …/batch} would answer it).
 */
final class BatchStream {

    static final String MEDIA_TYPE = "application/x-ndjson";
    private static final Logger log = LoggerFactory.getLogger(BatchStream.class);

    private final HttpServletResponse response;
    private final ObjectWriter json;
    private final Locale locale;
    /** Set when the answer begins. */
    private @Nullable OutputStream out;
    private int index;

    BatchStream(HttpServletResponse response, ObjectMapper json, Locale locale) {
        this.response = response;
        this.json = json.writer();
        this.locale = locale;
    }

    /** The next batch's line: its entries, or the ledger's refusal of it. */
    void write(BatchOutcome outcome) {
        if (outcome.booked()) {
            List<PostingResult> results = Objects.requireNonNull(outcome.results());
            boolean anyNew = results.stream().anyMatch(r -> !r.replayed());
            line(new BatchAnswer(index, anyNew ? 201 : 200, results.stream().map(BookedEntry::of).toList(), null));
        } else {
            ProblemDetail problem = Problems.of(Objects.requireNonNull(outcome.refusal()), locale);
            line(new BatchAnswer(index, problem.getStatus(), null, Problems.fields(problem)));
        }
        index++;
    }

    /** Whether a line was written: from then on, whatever happens is a line of the answer. */
    boolean begun() {
        return out != null;
    }

    /**
     * After the last batch: the line that ended the body, if one did — the whole answer, a problem like any
     * other body's, when it was the first (nothing was posted); a body of no batches: an empty answer.
     */
    void end(int at, @Nullable ProblemDetail why) throws IOException {
        if (why != null && out == null) {
            Problems.write(response, why);
        } else if (why != null) {
            line(new BatchAnswer(at, why.getStatus(), null, Problems.fields(why)));
        } else if (out == null) {
            begin();
        }
    }

    /** A failure while posting, after the answer has begun: its last line (none once the client has gone). */
    void failed(RuntimeException e) {
        if (e instanceof ClientGone) {
            log.info("a client went away after {} batches of its stream; the batches in flight ended as they ended", index);
            return;
        }
        ProblemDetail problem = e instanceof DomainException refusal ? Problems.of(refusal, locale)
                : Problems.unexpected(e, "while posting a stream of batches, after " + index + " of them", locale);
        line(new BatchAnswer(index, problem.getStatus(), null, Problems.fields(problem)));
    }

    private void line(BatchAnswer answer) {
        try {
            OutputStream out = this.out != null ? this.out : begin();
            out.write(json.writeValueAsBytes(answer));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            // the client went away: the batches in flight still end as they end, and a replay of the body books nothing twice
            throw new ClientGone(e);
        }
    }

    private OutputStream begin() {
        try {
            response.setStatus(HttpStatus.OK.value());
            response.setContentType(MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            OutputStream begun = response.getOutputStream();
            out = begun;
            return begun;
        } catch (IOException e) {
            throw new UncheckedIOException("the answer could not be begun", e);
        }
    }

    /** The answer could not be written: the client has gone, and nothing more is written to it. */
    static final class ClientGone extends UncheckedIOException {
        ClientGone(IOException cause) {
            super("the client went away", cause);
        }
    }
}
