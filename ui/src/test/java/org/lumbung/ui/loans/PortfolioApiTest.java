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

    static final String QUALITY = "/api/v1/cooperatives/ngrupit/loans/portfolio";

    @Test
    void theQualityByProductAndByOfficerWithTheWholeAndItsMonthlyTrend() throws Exception {
        long coop = SystemActor.run(() -> cooperatives.byCode("ngrupit").id());
        LocalDate today = SystemActor.run(() -> close.status(coop).today());
        SystemActor.run(() -> close.run(coop, today).orElseGet(() -> close.close(coop, today)));
        mvc.perform(get(QUALITY).param("date", today.toString()).param("by", "product").with(httpBasic("auditor", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.to").value(today.toString()))
                .andExpect(jsonPath("$.from").value(today.withDayOfMonth(1).toString()))
                .andExpect(jsonPath("$.asOf").value(today.toString()))
                .andExpect(jsonPath("$.by").value("product"))
                .andExpect(jsonPath("$.whole.segment").doesNotExist())
                .andExpect(jsonPath("$.whole.aging.length()").value(5))
                .andExpect(jsonPath("$.whole.aging[4].collectibility").value("MACET"))
                .andExpect(jsonPath("$.whole.outstanding").isString())
                .andExpect(jsonPath("$.segments[0].label").isString())
                .andExpect(jsonPath("$.segments[0].par30Percent").isString());
        mvc.perform(get(QUALITY).param("by", "OFFICER").with(httpBasic("treasurer", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.by").value("officer"))
                .andExpect(jsonPath("$.segments").isArray());
        mvc.perform(get(QUALITY + "/trend").param("from", today.minusMonths(2).toString()).param("to", today.toString())
                        .with(httpBasic("treasurer", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[-1:].to").value(today.toString()));
    }

    @Test
    void aBadBreakdownPeriodOrDateIsAProblemDocument() throws Exception {
        mvc.perform(get(QUALITY).param("by", "village").with(httpBasic("treasurer", "demo")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("loans.portfolio.dimension.invalid"));
        mvc.perform(get(QUALITY).param("from", "2020-01-01").param("date", "2026-01-01").with(httpBasic("treasurer", "demo")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("loans.close.trend.invalid"));
        mvc.perform(get(QUALITY + "/trend").param("from", "2026-02-01").param("to", "2026-01-01").with(httpBasic("treasurer", "demo")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("loans.close.trend.invalid"));
        mvc.perform(get(QUALITY).param("date", "2020-01-01").with(httpBasic("treasurer", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("loans.close.snapshot.not-found"));
        mvc.perform(get(QUALITY).param("date", "2026-02-30").with(httpBasic("treasurer", "demo")))
                .andExpect(status().isBadRequest());
    }
}
