package org.lumbung.ui.api;

import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.members.MemberService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lumbung.ui.api.LoanApiFixture.BASE;
import static org.lumbung.ui.api.LoanApiFixture.NEXT_MONTH;
import static org.lumbung.ui.api.LoanApiFixture.TODAY;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A loan's workouts through the API: payoff quote and payoff, the payment's receipt, rescheduling, a write-off
 * asked for by one person and carried out by another, a recovery; every refusal a problem document with its code.
 */
class LoanWorkoutApiTest extends MockMvcApiTestBase {

    @Autowired
    MemberService members;
    @Autowired
    CooperativeService cooperatives;

    /** A loan of 1,000,000 (fee deducted, so 1,000,000 financed) applied, approved and disbursed today. */
    private String activeLoan(String tag) throws Exception {
        LoanApiFixture.Ids ids = new LoanApiFixture(mvc, json, members, cooperatives).applied(tag);
        String loan = "/loans/" + ids.loanId();
        as("chair", LoanApiTest.postJson(loan + "/approval", null, "{}")).andExpect(status().isOk());
        as("treasurer", LoanApiTest.postJson(loan + "/disbursement", "wo-disburse-" + tag,
                "{\"valueDate\":\"%s\",\"channel\":\"CASH\"}".formatted(TODAY))).andExpect(status().isCreated());
        return loan;
    }

    @Test
    void aPayoffAtItsQuoteWithItsReceipt() throws Exception {
        String loan = activeLoan("wopay");
        as("auditor", get(BASE + loan + "/payoff-quote").param("date", TODAY)).andExpect(status().isOk())
                .andExpect(jsonPath("$.principal").value("1000000.00")).andExpect(jsonPath("$.total").value("1000000.00"));
        refused(as("auditor", get(BASE + loan + "/payoff-quote")), 422, "ledger.value-date.missing");
        String body = "{\"amount\":\"%s\",\"valueDate\":\"%s\",\"channel\":\"CASH\"}";
        refused(as("treasurer", LoanApiTest.postJson(loan + "/payoff", "wo-payoff-short", body.formatted("999999", TODAY))),
                422, "loans.payoff.amount");
        refused(as("auditor", LoanApiTest.postJson(loan + "/payoff", "wo-payoff-1", body.formatted("1000000", TODAY))),
                403, "access.read-only");
        String paid = as("treasurer", LoanApiTest.postJson(loan + "/payoff", "wo-payoff-1", body.formatted("1000000", TODAY)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("PREPAYMENT"))
                .andReturn().getResponse().getContentAsString();
        as("treasurer", LoanApiTest.postJson(loan + "/payoff", "wo-payoff-1", body.formatted("1000000", TODAY)))
                .andExpect(status().isOk());
        long transaction = json.readTree(paid).get("id").asLong();
        byte[] pdf = as("auditor", get(BASE + loan + "/receipt").param("transaction", Long.toString(transaction))).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF)).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        refused(as("auditor", get(BASE + loan + "/receipt").param("transaction", "999999999")), 404, "loans.receipt.not-found");
        refused(as("treasurer", LoanApiTest.postJson(loan + "/payoff", "wo-payoff-2", body.formatted("1000000", TODAY))),
                409, "loans.status");
    }

    @Test
    void aRescheduleThenAWriteOffAskedByOneAndDoneByAnotherThenARecovery() throws Exception {
        String loan = activeLoan("woout");
        String reschedule = "{\"valueDate\":\"%s\",\"instalments\":6,\"firstDueDate\":\"%s\",\"allocationOrder\":\"PRINCIPAL_FIRST\"%s}";
        refused(as("treasurer", LoanApiTest.postJson(loan + "/reschedule", "wo-reschedule-1", reschedule.formatted(TODAY, NEXT_MONTH, ""))),
                422, "loans.reason.missing");
        as("treasurer", LoanApiTest.postJson(loan + "/reschedule", "wo-reschedule-1",
                reschedule.formatted(TODAY, NEXT_MONTH, ",\"reason\":\"banjir\""))).andExpect(status().isOk())
                .andExpect(jsonPath("$.scheduleVersion").value(2)).andExpect(jsonPath("$.loan.restructured").value(true));
        String writeOff = "{\"valueDate\":\"%s\"}".formatted(TODAY);
        refused(as("chair", LoanApiTest.postJson(loan + "/write-off", "wo-write-off-1", writeOff)), 422, "loans.write-off.not-requested");
        refused(as("treasurer", LoanApiTest.postJson(loan + "/write-off-request", null, "{}")), 422, "loans.reason.missing");
        as("treasurer", LoanApiTest.postJson(loan + "/write-off-request", null, "{\"reason\":\"merantau\"}")).andExpect(status().isOk());
        refused(as("treasurer", LoanApiTest.postJson(loan + "/write-off", "wo-write-off-1", writeOff)), 403, "access.loans.decide");
        as("chair", delete(BASE + loan + "/write-off-request")).andExpect(status().isOk());
        as("treasurer", LoanApiTest.postJson(loan + "/write-off-request", null, "{\"reason\":\"merantau\"}")).andExpect(status().isOk());
        as("chair", LoanApiTest.postJson(loan + "/write-off", "wo-write-off-1", writeOff)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("WRITE_OFF")).andExpect(jsonPath("$.principal").value("1000000.00"));
        String recovery = "{\"amount\":\"%s\",\"valueDate\":\"%s\",\"channel\":\"CASH\"}";
        refused(as("treasurer", LoanApiTest.postJson(loan + "/recoveries", "wo-recover-big", recovery.formatted("90000000", TODAY))),
                422, "loans.recovery.too-much");
        as("treasurer", LoanApiTest.postJson(loan + "/recoveries", "wo-recover-1", recovery.formatted("100000", TODAY)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("RECOVERY"));
        refused(as("treasurer", LoanApiTest.postJson(loan + "/reschedule", "wo-reschedule-2",
                reschedule.formatted(TODAY, NEXT_MONTH, ",\"reason\":\"lagi\""))), 409, "loans.status");
    }
}
