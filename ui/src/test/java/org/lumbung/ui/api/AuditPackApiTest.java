package org.lumbung.ui.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumbung.auditpack.PackVerifier;
import org.lumbung.testsupport.AppRoleDatabaseInitializer;
import org.lumbung.ui.LumbungApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The district auditor downloads the sample cooperative's audit pack (several currencies, loans, reversals, the
 * shop) and its own verifier passes it from the pack alone, through the head the API names; bad periods are
 * translated problems.
 */
@SpringBootTest(classes = LumbungApplication.class)
@AutoConfigureMockMvc
@ContextConfiguration(initializers = AppRoleDatabaseInitializer.class)
class AuditPackApiTest {

    static final String PACK = "/api/v1/cooperatives/ngrupit/audit-pack";

    @Autowired
    MockMvc mvc;
    @Autowired
    SecurityContextHolderStrategy securityContextHolderStrategy;
    @TempDir
    Path scratch;

    @BeforeEach
    void useThisContextsSecurityHolder() {
        SecurityContextHolder.setContextHolderStrategy(securityContextHolderStrategy);
    }

    @Test
    void theAuditorsPackOfTheSamplePassesTheStandaloneVerifier() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        MockHttpServletResponse response = mvc.perform(get(PACK).param("from", today.withDayOfYear(1).toString())
                        .param("to", today.toString()).with(httpBasic("auditor", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo("application/zip");
        assertThat(response.getHeader("Content-Disposition")).contains("lumbung-audit-ngrupit-");
        String head = response.getHeader("Lumbung-Chain-Head");
        assertThat(head).matches("[1-9][0-9]*:[0-9a-f]{64}");
        Path zip = Files.write(scratch.resolve("pack.zip"), response.getContentAsByteArray());

        PackVerifier.Run run = PackVerifier.run(scratch, zip, "--checkpoint", head);
        assertThat(run.passed()).as(run.output()).isTrue();
        assertThat(run.output()).contains("checkpoint PASSES");
    }

    @Test
    void aPeriodTurnedAroundOrMissingIsATranslatedProblem() throws Exception {
        mvc.perform(get(PACK).param("from", "2026-02-01").param("to", "2026-01-01").header("Accept-Language", "id")
                        .with(httpBasic("auditor", "demo")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("audit-pack.period.invalid"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("periode")));
        mvc.perform(get(PACK).param("from", "2026-01-01").with(httpBasic("treasurer", "demo")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("audit-pack.period.invalid"));
        mvc.perform(get(PACK).param("from", "2026-01-01").param("to", "2026-01-31")).andExpect(status().isUnauthorized());
    }
}
