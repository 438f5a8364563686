package org.lumbung.ui.loans;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.testsupport.AppRoleDatabaseInitializer;
import org.lumbung.ui.LumbungApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The portfolio snapshot API on the sample cooperative, whose close of business ran every day of its history. */
@SpringBootTest(classes = LumbungApplication.class)
@AutoConfigureMockMvc
@ContextConfiguration(initializers = AppRoleDatabaseInitializer.class)
class PortfolioApiTest {

    static final String URL = "/api/v1/cooperatives/ngrupit/loan-portfolio";

    @Autowired
    MockMvc mvc;
    @Autowired
    SecurityContextHolderStrategy securityContextHolderStrategy;

    @BeforeEach
    void useThisContextsSecurityHolder() {
        SecurityContextHolder.setContextHolderStrategy(securityContextHolderStrategy);
    }

    @Test
    void theSnapshotOfAClosedDateWithItsClassesAndPar() throws Exception {
        mvc.perform(get(URL).param("businessDate", "2026-11-07").with(httpBasic("auditor", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.businessDate").value("2026-11-07"))
                .andExpect(jsonPath("$.currency").value("IDR"))
                .andExpect(jsonPath("$.total.collectibility").value("ALL"))
                .andExpect(jsonPath("$.classes.length()").value(5))
                .andExpect(jsonPath("$.classes[4].collectibility").value("MACET"))
                .andExpect(jsonPath("$.classes[4].loans").value(1))
                .andExpect(jsonPath("$.par30Percent").isString());
    }

    @Test
    void aDateNeverClosedIsNotFoundAndAMemberIsRefused() throws Exception {
        mvc.perform(get(URL).param("businessDate", "2020-01-01").with(httpBasic("treasurer", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("loans.close.snapshot.not-found"));
        mvc.perform(get(URL).param("businessDate", "2026-13-01").with(httpBasic("treasurer", "demo")))
                .andExpect(status().isBadRequest());
    }
}
