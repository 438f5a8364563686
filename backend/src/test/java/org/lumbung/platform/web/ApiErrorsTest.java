package org.lumbung.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ApiErrorsTest {

    /** Two requests creating the same record at once: the one the unique constraint refuses reads a conflict. */
    @Test
    void aRaceLostOnAUniqueConstraintIsAConflictNotAServerError() {
        ResponseEntity<ProblemDetail> answer = new ApiErrors().concurrent(
                new DuplicateKeyException("duplicate key value violates unique constraint"), Locale.ENGLISH);
        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getBody()).isNotNull();
        assertThat(answer.getBody().getProperties()).containsEntry("code", "api.concurrent");
        assertThat(answer.getBody().getDetail()).contains("at the same moment");
    }
}
