package org.lumbung.ledger.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.ledger.api.LedgerApiModels.BatchRequest;
import org.lumbung.platform.web.StrictJson;
import org.springframework.http.ProblemDetail;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The lines of a stream of batches: read one at a time, bounded in number, ended by the first unreadable one. */
class BatchLinesTest {

    private static final String EMPTY_BATCH = "{\"entries\":[]}";

    /** Reads the body to its end; each line read is handed on as the number of entries it had. */
    private static BatchLines lines(String body, List<Integer> handedOn) {
        BatchLines lines = new BatchLines(new BufferedReader(new StringReader(body)),
                StrictJson.strict(new ObjectMapper().findAndRegisterModules()).readerFor(BatchRequest.class),
                (BatchRequest batch) -> {
                    handedOn.add(batch.entries().size());
                    return List.<PostingRequest>of();
                });
        while (lines.hasNext()) {
            lines.next();
        }
        return lines;
    }

    @Test
    void blankLinesAreSkippedAndEveryBatchIsHandedOnInOrder() {
        List<Integer> handedOn = new ArrayList<>();
        BatchLines lines = lines("{\"entries\":[null]}\n\n   \r\n{\"entries\":[null,null]}\r\n{\"entries\":[null,null,null]}",
                handedOn);
        assertThat(handedOn).containsExactly(1, 2, 3);
        assertThat(lines.read()).isEqualTo(3);
        assertThat(lines.stopped(Locale.ENGLISH)).isNull();
    }

    @Test
    void aFileSavedWithAByteOrderMarkIsReadFromItsFirstLine() {
        List<Integer> handedOn = new ArrayList<>();
        BatchLines lines = lines("\uFEFF" + EMPTY_BATCH + "\n" + EMPTY_BATCH, handedOn);
        assertThat(handedOn).containsExactly(0, 0);
        assertThat(lines.stopped(Locale.ENGLISH)).isNull();
    }

    @Test
    void aStreamEndsAtTheBatchAfterItsLimitAndSaysWhy() {
        List<Integer> handedOn = new ArrayList<>();
        BatchLines lines = lines((EMPTY_BATCH + "\n").repeat(BatchLines.MAX_BATCHES + 5), handedOn);
        assertThat(handedOn).hasSize(BatchLines.MAX_BATCHES);
        ProblemDetail why = lines.stopped(Locale.ENGLISH);
        assertThat(why.getProperties()).containsEntry("code", "api.batches.too-many");
        assertThat(why.getDetail()).contains("1,000");
        assertThat(lines.read()).isEqualTo(BatchLines.MAX_BATCHES);
    }

    @Test
    void theFirstUnreadableLineEndsTheStreamAndNothingAfterItIsRead() {
        List<Integer> handedOn = new ArrayList<>();
        BatchLines lines = lines(EMPTY_BATCH + "\n{\"entries\":[],\"entries\":[]}\n" + EMPTY_BATCH + "\n", handedOn);
        assertThat(handedOn).containsExactly(0);
        assertThat(lines.read()).isEqualTo(1);
        ProblemDetail why = lines.stopped(new Locale("id"));
        assertThat(why.getStatus()).isEqualTo(400);
        assertThat(why.getProperties()).containsEntry("code", "api.malformed");
        assertThat(lines.hasNext()).isFalse();
    }
}
