package org.lumbung.ui.loans;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.loans.closing.CloseOfBusiness;
import org.lumbung.security.SystemActor;
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

import java.time.LocalDate;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The portfolio snapshot API on the sample cooperative. */
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

    @Autowired
    CloseOfBusiness close;
    @Autowired
    CooperativeService cooperatives;

    @Test
    void theSnapshotOfAClosedDateWithItsClassesAndPar() throws Exception {
        long coop = SystemActor.run(() -> cooperatives.byCode("ngrupit").id());
        LocalDate today = SystemActor.run(() -> close.status(coop).today());
        SystemActor.run(() -> close.run(coop, today).orElseGet(() -> close.close(coop, today)));
        mvc.perform(get(URL).param("businessDate", today.toString()).with(httpBasic("auditor", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.businessDate").value(today.toString()))
                .andExpect(jsonPath("$.currency").value("IDR"))
                .andExpect(jsonPath("$.total.collectibility").value("ALL"))
                .andExpect(jsonPath("$.classes.length()").value(5))
                .andExpect(jsonPath("$.classes[4].collectibility").value("MACET"))
                .andExpect(jsonPath("$.par30Percent").isString());
        mvc.perform(get(URL).with(httpBasic("treasurer", "demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.businessDate").value(today.toString()));
    }

    @Test
    void aDateNeverClosedIsNotFoundAndABadDateIsABadRequest() throws Exception {
        mvc.perform(get(URL).param("businessDate", "2020-01-01").with(httpBasic("treasurer", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("loans.close.snapshot.not-found"));
        mvc.perform(get(URL).param("businessDate", "2026-13-01").with(httpBasic("treasurer", "demo")))
                .andExpect(status().isBadRequest());
    }
}
