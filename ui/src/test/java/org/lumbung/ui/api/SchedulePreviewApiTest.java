package org.lumbung.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** GET /api/v1/loan-schedule-preview over the real security chain: the engine's answer, and a 400 per bad parameter. */
class SchedulePreviewApiTest extends MockMvcApiTestBase {

    static final String PREVIEW = "/api/v1/loan-schedule-preview";
    /** The flat worked example of ScheduleCalculatorTest: Rp 10,000,000 at 1.5 % a month, 12 monthly, to Rp 100. */
    static final String FLAT = "principal=10000000&currency=IDR&interestMethod=FLAT&rate=1.5&ratePeriod=MONTH"
            + "&instalments=12&frequency=MONTHLY&firstDueDate=2026-02-15&instalmentRounding=100";

    MockHttpServletResponse as(String user, String query) throws Exception {
        MockHttpServletRequestBuilder request = get(PREVIEW + "?" + query).header("Accept-Language", "en");
        if (user != null) {
            request.with(httpBasic(user, "demo"));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    @Test
    void answersTheEnginesScheduleWithAmountsAsDecimalStrings() throws Exception {
        for (String staff : new String[] {"treasurer", "chair", "auditor", "admin"}) {
            MockHttpServletResponse response = as(staff, FLAT);
            assertThat(response.getStatus()).as(staff).isEqualTo(200);
            JsonNode body = json.readTree(response.getContentAsString());
            assertThat(body.get("instalments")).hasSize(12);
            JsonNode first = body.get("instalments").get(0);
            assertThat(first.get("number").asInt()).isEqualTo(1);
            assertThat(first.get("dueDate").asText()).isEqualTo("2026-02-15");
            assertThat(first.get("principal").isTextual()).isTrue();
            assertThat(first.get("principal").asText()).isEqualTo("833300.00");
            assertThat(first.get("interest").asText()).isEqualTo("150000.00");
            assertThat(first.get("total").asText()).isEqualTo("983300.00");
            assertThat(body.get("instalments").get(11).get("total").asText()).isEqualTo("983700.00");
            assertThat(body.get("totalInterest").asText()).isEqualTo("1800000.00");
        }
    }

    @Test
    void defaultsAreTheCashUnitThirty360AndOnePeriodBeforeTheFirstDueDate() throws Exception {
        // without instalmentRounding: Rp 1; 833,333.33 + 150,000 → 983,333; principal 833,333.00
        String query = FLAT.replace("&instalmentRounding=100", "");
        JsonNode body = json.readTree(as("treasurer", query).getContentAsString());
        assertThat(body.get("instalments").get(0).get("principal").asText()).isEqualTo("833333.00");
        // an explicit disbursement 10 days earlier than the default makes the first period 40 days (30/360):
        // 10,000,000 × 0.18 × 40/360 = 200,000.00
        JsonNode longer = json.readTree(as("treasurer", FLAT + "&disbursementDate=2026-01-05").getContentAsString());
        assertThat(longer.get("instalments").get(0).get("interest").asText()).isEqualTo("200000.00");
    }

    @Test
    void everyBadParameterIsA400ProblemNamingIt() throws Exception {
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put(FLAT.replace("principal=10000000&", ""), "principal");
        bad.put(FLAT.replace("principal=10000000", "principal=1E+999999999"), "principal");
        bad.put(FLAT.replace("principal=10000000", "principal=99999999999999999999999"), "principal");
        bad.put(FLAT.replace("principal=10000000", "principal=0"), "principal");
        bad.put(FLAT.replace("currency=IDR", "currency=XYZ"), "currency");
        bad.put(FLAT.replace("currency=IDR", "currency=idr"), "currency");
        bad.put(FLAT.replace("interestMethod=FLAT", "interestMethod=flat"), "interestMethod");
        bad.put(FLAT.replace("rate=1.5", "rate=100.5"), "rate");
        bad.put(FLAT.replace("rate=1.5", "rate=-1"), "rate");
        bad.put(FLAT.replace("ratePeriod=MONTH", "ratePeriod=DAY"), "ratePeriod");
        bad.put(FLAT.replace("instalments=12", "instalments=521"), "instalments");
        bad.put(FLAT.replace("instalments=12", "instalments=99999999999"), "instalments");
        bad.put(FLAT.replace("frequency=MONTHLY", "frequency=DAILY"), "frequency");
        bad.put(FLAT.replace("firstDueDate=2026-02-15", "firstDueDate=2026-02-30"), "firstDueDate");
        bad.put(FLAT + "&disbursementDate=2026-02-15", "firstDueDate");
        bad.put(FLAT + "&graceInstalments=12", "graceInstalments");
        bad.put(FLAT + "&dayCount=ACTUAL_366", "dayCount");
        bad.put(FLAT.replace("instalmentRounding=100", "instalmentRounding=0.001"), "instalmentRounding");
        bad.put(FLAT + "&rate=2", "rate");
        bad.put(FLAT + "&colour=blue", "colour");
        for (Map.Entry<String, String> b : bad.entrySet()) {
            MockHttpServletResponse response = as("treasurer", b.getKey());
            assertThat(response.getStatus()).as(b.getKey()).isEqualTo(400);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            JsonNode problem = json.readTree(response.getContentAsString());
            assertThat(problem.get("parameter").asText()).as(b.getKey()).isEqualTo(b.getValue());
            assertThat(problem.get("code").asText()).startsWith("loans.");
            assertThat(problem.get("detail").asText()).as(b.getKey()).isNotBlank().doesNotStartWith("!");
        }
    }

    @Test
    void theProblemIsInTheCallersLanguage() throws Exception {
        MockHttpServletResponse response = mvc.perform(get(PREVIEW + "?" + FLAT.replace("instalments=12", "instalments=0"))
                .header("Accept-Language", "id").with(httpBasic("treasurer", "demo"))).andReturn().getResponse();
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.get("detail").asText()).contains("Jumlah angsuran");
    }

    @Test
    void signedOutAndMembersAreRefused() throws Exception {
        assertThat(as(null, FLAT).getStatus()).isEqualTo(401);
        // the demo member: the API's door does not open for members at all (401); were it to, the preview says 403
        MockHttpServletResponse member = as("ngrupit-1", FLAT);
        assertThat(member.getStatus()).isIn(401, 403);
        assertThat(json.readTree(member.getContentAsString()).get("code").asText()).startsWith("access.");
    }
}
