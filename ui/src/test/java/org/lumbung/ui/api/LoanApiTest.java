package org.lumbung.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.members.MemberService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lumbung.ui.api.LoanApiFixture.BASE;
import static org.lumbung.ui.api.LoanApiFixture.TODAY;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The loans' JSON API over the real security chain and a real PostgreSQL with the sample cooperative. */
class LoanApiTest extends MockMvcApiTestBase {

    @Autowired
    MemberService members;
    @Autowired
    CooperativeService cooperatives;

    static MockHttpServletRequestBuilder postJson(String path, String key, String body) {
        MockHttpServletRequestBuilder b = post(BASE + path).contentType(MediaType.APPLICATION_JSON).content(body);
        return key == null ? b : b.header("Idempotency-Key", key);
    }

    @Test
    void aLoanFromApplicationToRepaymentWithItsSplit() throws Exception {
        as("treasurer", postJson("/loan-products", null, LoanApiFixture.product("API-T")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("access.not-allowed"));
        LoanApiFixture.Ids ids = new LoanApiFixture(mvc, json, members, cooperatives).applied("flow");
        String application = LoanApiFixture.application(ids.memberId(), ids.productId(), "1000000");
        // the fixture's key again: the same application, 200
        as("treasurer", postJson("/loans", "fixture-flow", application)).andExpect(status().isOk())
                .andExpect(jsonPath("$.loan.id").value(ids.loanId()));
        as("treasurer", postJson("/loans", "fixture-flow", LoanApiFixture.application(ids.memberId(), ids.productId(), "2000000")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("loans.key.used-elsewhere"));
        String loan = "/loans/" + ids.loanId();
        as("treasurer", postJson(loan + "/approval", null, "{}")).andExpect(status().isForbidden());
        as("chair", postJson(loan + "/approval", null, "{\"note\":\"ok\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.loan.status").value("APPROVED")).andExpect(jsonPath("$.decidedBy").value("chair"));
        String disbursement = "{\"valueDate\":\"%s\",\"channel\":\"CASH\"}".formatted(TODAY);
        as("treasurer", postJson(loan + "/disbursement", "api-disburse-1", disbursement)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.amount").value("990000.00")).andExpect(jsonPath("$.fees").value("10000.00"));
        as("treasurer", postJson(loan + "/disbursement", "api-disburse-1", disbursement)).andExpect(status().isOk());
        as("auditor", get(BASE + loan + "/repayment-preview").param("amount", "115000")).andExpect(status().isOk())
                .andExpect(jsonPath("$.interest").value("15000.00")).andExpect(jsonPath("$.principal").value("100000.00"))
                .andExpect(jsonPath("$.instalments[0].instalment").value(1));
        as("treasurer", postJson(loan + "/repayments", "api-repay-1", "{\"amount\":\"115000\",\"valueDate\":\"%s\",\"channel\":\"CASH\"}"
                .formatted(TODAY))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.principal").value("100000.00")).andExpect(jsonPath("$.interest").value("15000.00"))
                .andExpect(jsonPath("$.outstandingAfter").value("900000.00"));
        as("auditor", get(BASE + loan)).andExpect(status().isOk())
                .andExpect(jsonPath("$.loan.outstandingPrincipal").value("900000.00"))
                .andExpect(jsonPath("$.purposeCategory").value("TRADE")).andExpect(jsonPath("$.incomeGenerating").value(true))
                .andExpect(jsonPath("$.schedule[0].state").value("PAID"))
                .andExpect(jsonPath("$.nextDue.number").value(2))
                .andExpect(jsonPath("$.transactions.length()").value(2));
        as("auditor", get(BASE + "/members/" + ids.memberId() + "/loans")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].number").isString());
        as("auditor", get(BASE + "/loans").param("status", "ACTIVE").param("limit", "1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThan(1)))
                .andExpect(jsonPath("$.loans.length()").value(1)).andExpect(jsonPath("$.loans[0].status").value("ACTIVE"));
        as("auditor", get(BASE + "/loans").param("status", "LATE")).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("loans.status.missing"));
        as("auditor", get(BASE + "/loans").param("status", "ACTIVE").param("limit", "501")).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("page.invalid"));
        as("auditor", get(BASE + "/loans/999999999")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    /** Hostile and malformed bodies: each a 4xx problem with a code, never a 5xx; nothing is booked. */
    @Test
    void hostileBodiesAreRefusedAndBookNothing() throws Exception {
        LoanApiFixture.Ids ids = new LoanApiFixture(mvc, json, members, cooperatives).applied("hostile");
        String loan = "/loans/" + ids.loanId();
        as("chair", postJson(loan + "/approval", null, "{}")).andExpect(status().isOk());
        as("treasurer", postJson(loan + "/disbursement", "hostile-disburse", "{\"valueDate\":\"%s\",\"channel\":\"CASH\"}"
                .formatted(TODAY))).andExpect(status().isCreated());
        String before = as("auditor", get(BASE + loan)).andReturn().getResponse().getContentAsString();
        List<String> repayments = List.of("", "[]", "null", "{", "{\"amount\":1000}", "{\"amount\":\"1e3\"}", "{\"amount\":\"-5\"}",
                "{\"amount\":\"0\"}", "{\"amount\":\"0.001\"}", "{\"amount\":\"99999999999999999999999\"}",
                "{\"amount\":\"1000\",\"channel\":\"BANK\"}", "{\"amount\":\"1000\",\"channel\":\"CASH\",\"valueDate\":\"2999-01-01\"}",
                "{\"amount\":\"1000\",\"channel\":\"CASH\",\"valueDate\":\"01/02/2026\"}",
                "{\"amount\":\"1000\",\"channel\":\"CASH\",\"valueDate\":\"%s\",\"extra\":1}".formatted(TODAY),
                "{\"amount\":\"1000\",\"amount\":\"2000\",\"channel\":\"CASH\",\"valueDate\":\"%s\"}".formatted(TODAY),
                "{\"amount\":\"1000\",\"channel\":\"CASH\",\"valueDate\":\"%s\",\"note\":\"%s\"}".formatted(TODAY, "x".repeat(600)),
                "{\"amount\":\"50000000\",\"channel\":\"CASH\",\"valueDate\":\"%s\"}".formatted(TODAY));
        List<String> applications = List.of("{}", "{\"memberId\":\"1\"}", "{\"memberId\":1,\"productId\":%d,\"amount\":\"1e9\"}"
                        .formatted(ids.productId()),
                LoanApiFixture.application(ids.memberId(), ids.productId(), "999999999"),
                LoanApiFixture.application(ids.memberId(), ids.productId(), "1000000").replace("\"instalments\":10", "\"instalments\":10.5"),
                LoanApiFixture.application(ids.memberId(), ids.productId(), "1000000").replace("Warung sayur", ""),
                LoanApiFixture.application(ids.memberId(), ids.productId(), "1000000").replace("\"treasurer\"", "\"nobody\""),
                LoanApiFixture.application(ids.memberId(), ids.productId(), "1000000").replace("\"guarantorIds\":[]", "\"guarantorIds\":[null]"));
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (String body : repayments) {
            check(failures, postJson(loan + "/repayments", "hostile-repay-" + n++, body), body);
        }
        for (String body : applications) {
            check(failures, postJson("/loans", "hostile-apply-" + n++, body), body);
        }
        check(failures, postJson(loan + "/repayments", null, "{\"amount\":\"1000\",\"channel\":\"CASH\",\"valueDate\":\"%s\"}"
                .formatted(TODAY)), "no key");
        check(failures, postJson(loan + "/repayments", "short", "{\"amount\":\"1000\",\"channel\":\"CASH\",\"valueDate\":\"%s\"}"
                .formatted(TODAY)), "short key");
        assertThat(failures).isEmpty();
        String after = as("auditor", get(BASE + loan)).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(after)).isEqualTo(json.readTree(before));
    }

    private void check(List<String> failures, MockHttpServletRequestBuilder request, String body) throws Exception {
        var response = as("treasurer", request).andReturn().getResponse();
        int status = response.getStatus();
        String type = response.getContentType();
        JsonNode problem = status >= 400 && type != null && type.startsWith("application/problem+json")
                ? json.readTree(response.getContentAsString()) : null;
        if (status < 400 || status >= 500 || problem == null || problem.path("code").asText().isEmpty()) {
            failures.add(status + " for " + body.substring(0, Math.min(120, body.length())) + ": " + response.getContentAsString());
        }
    }
}
