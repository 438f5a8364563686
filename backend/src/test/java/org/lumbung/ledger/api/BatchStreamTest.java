package org.lumbung.ledger.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import org.junit.jupiter.api.Test;
import org.lumbung.ledger.BatchOutcome;
import org.lumbung.platform.DomainException;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The answer to a stream of batches: a line per batch, and a client that went away ends it quietly. */
class BatchStreamTest {

    private static final BatchOutcome REFUSED = new BatchOutcome(null, DomainException.invalid("ledger.batch.empty"));

    @Test
    void eachBatchIsALineOfItsOwnNumberedInOrderAndTheFailureAfterThemIsTheLast() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        BatchStream answer = new BatchStream(response, new ObjectMapper(), Locale.ENGLISH);
        answer.write(REFUSED);
        answer.write(REFUSED);
        answer.failed(new IllegalStateException("the database went away"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/x-ndjson");
        String[] lines = response.getContentAsString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("{\"batch\":0,\"status\":422,").contains("\"code\":\"ledger.batch.empty\"");
        assertThat(lines[1]).startsWith("{\"batch\":1,\"status\":422,");
        assertThat(lines[2]).startsWith("{\"batch\":2,\"status\":500,").contains("\"code\":\"api.unexpected\"")
                .doesNotContain("the database went away");
    }

    @Test
    void aClientThatWentAwayEndsTheAnswerWithoutAnotherWriteOrAFailure() {
        int[] writes = {0};
        MockHttpServletResponse response = new MockHttpServletResponse() {
            @Override
            public ServletOutputStream getOutputStream() {
                return new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        writes[0]++;
                        throw new IOException("Broken pipe");
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                    }
                };
            }
        };
        BatchStream answer = new BatchStream(response, new ObjectMapper(), Locale.ENGLISH);
        assertThatThrownBy(() -> answer.write(REFUSED)).isInstanceOf(BatchStream.ClientGone.class);
        int writesBefore = writes[0];

        assertThatCode(() -> answer.failed(new BatchStream.ClientGone(new IOException("Broken pipe")))).doesNotThrowAnyException();
        assertThat(writes[0]).isEqualTo(writesBefore);
    }
}
