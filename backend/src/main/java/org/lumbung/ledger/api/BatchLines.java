package org.lumbung.ledger.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import org.jspecify.annotations.Nullable;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.ledger.api.LedgerApiModels.BatchRequest;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;

/**
 * The body of {@code POST …/journal-entries/batches}: one batch per line (NDJSON), each line the object
 * {@code POST …/journal-entries/batch} takes. A line is read (strictly, by the API's JSON rules) only when the
 * ledger asks for the next batch. The first line that cannot be read as a batch of posting requests ends the
 * source: malformed JSON or a field of the wrong type, a missing field ({@code entries}, an entry, its value
 * date, a line's account, side or amount), an amount that is no plain decimal, more than 1,000 entries, one
 * batch more than {@value #MAX_BATCHES}. Nothing after it is read or posted, and why is kept for the answer's
 * last line. What the ledger refuses (balance, accounts, keys, descriptions, dates) is that batch's refusal
 * only. Blank lines are skipped and not counted. The whole body is already bounded and checked to be UTF-8
 * ({@code ApiRequestBody}).
 */
final class BatchLines implements Iterator<List<PostingRequest>> {

    /** Batches one request may carry (each of up to 1,000 entries; the body's own limit comes first in practice). */
    static final int MAX_BATCHES = 1_000;
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final BufferedReader body;
    private final ObjectReader json;
    private final Function<BatchRequest, List<PostingRequest>> requests;
    private @Nullable List<PostingRequest> next;
    private int read;
    private @Nullable Exception stop;

    BatchLines(BufferedReader body, ObjectReader json, Function<BatchRequest, List<PostingRequest>> requests) {
        this.body = body;
        this.json = json;
        this.requests = requests;
    }

    @Override
    public boolean hasNext() {
        if (next == null && stop == null) {
            next = readNext();
        }
        return next != null;
    }

    @Override
    public List<PostingRequest> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<PostingRequest> batch = Objects.requireNonNull(next);
        next = null;
        read++;
        return batch;
    }

    /** The problem of the line that ended the source, or null when every line was a batch. */
    @Nullable ProblemDetail stopped(Locale locale) {
        if (stop == null) {
            return null;
        }
        if (stop instanceof DomainException refusal) {
            return Problems.of(refusal, locale);
        }
        ProblemDetail malformed = Problems.of(HttpStatus.BAD_REQUEST, "api.malformed", locale);
        if (stop instanceof JsonMappingException mapping) {
            Problems.nameField(malformed, mapping);
        }
        return malformed;
    }

    /** Lines handed on as batches so far: the index of the line that ended the source, if one did. */
    int read() {
        return read;
    }

    private @Nullable List<PostingRequest> readNext() {
        String line = nextLine();
        if (line == null) {
            return null;
        }
        try {
            DomainException.require(read < MAX_BATCHES, "api.batches.too-many", MAX_BATCHES);
            // a file saved with a byte order mark: Jackson skips it in bytes, not in a line already decoded
            return requests.apply(json.readValue(read == 0 && line.startsWith(BYTE_ORDER_MARK) ? line.substring(1) : line));
        } catch (DomainException | JacksonException e) {
            stop = e;
            return null;
        }
    }

    private @Nullable String nextLine() {
        try {
            String line = body.readLine();
            while (line != null && line.isBlank()) {
                line = body.readLine();
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("the request body could not be read", e);
        }
    }
}
