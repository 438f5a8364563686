package org.lumbung.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remittances over the integration API, over HTTP against the running application (the sample cooperative): a
 * receipt with its allocation (201 as the issue specifies it), the same key replayed (200) or reused (409),
 * allocations that do not add up (422 problem, nothing booked), no rate for the day (404 problem), the paged list.
 */
class RemittanceApiTest extends HttpApiTestBase {

    /** Its refusals are read in Bahasa Indonesia, the treasurer's language. */
    @Override
    String language() {
        return "id";
    }

    private String voluntaryAccount() throws Exception {
        for (JsonNode a : answer(send("GET", "/members/1/savings-accounts", null, null), 200)) {
            if (a.get("kind").asText().equals("VOLUNTARY")) {
                return a.get("number").asText();
            }
        }
        throw new AssertionError("member 1 has no voluntary savings");
    }

    private static String body(String savings, String savingsAmount, String cash, String rate) {
        return """
                {"memberNumber":1,"receivedOn":"2026-11-27","corridor":"MY","channel":"MONEY_TRANSFER_OPERATOR","sentCurrency":"MYR",
                 "sentAmount":"1234.56","fee":"0.00",%s"allocations":[{"kind":"SAVINGS","account":"%s","amount":"%s"},
                 {"kind":"CASH","amount":"%s"}]}""".formatted(rate == null ? "" : "\"rate\":\"" + rate + "\",", savings, savingsAmount, cash);
    }

    @Test
    void aReceiptIsBookedOnceAndAnsweredAsSpecified() throws Exception {
        String account = voluntaryAccount();
        String request = body(account, "3000000.00", "1382840.41", "3550.123456");
        JsonNode booked = answer(send("POST", "/remittances", "remit-api-test-0001", request), 201);
        assertThat(booked.get("receiptNumber").asInt()).isPositive();
        assertThat(booked.get("receivedAmount").asText()).isEqualTo("4382840.41");
        assertThat(booked.get("receivedCurrency").asText()).isEqualTo("IDR");
        assertThat(booked.get("rate").asText()).isEqualTo("3550.123456");
        assertThat(booked.get("rateDate").asText()).isEqualTo("2026-11-27");
        assertThat(booked.get("journalEntry").get("id").asLong()).isPositive();
        assertThat(booked.get("journalEntry").get("sequence").asLong()).isPositive();

        JsonNode again = answer(send("POST", "/remittances", "remit-api-test-0001", request), 200);
        assertThat(again.get("id")).isEqualTo(booked.get("id"));
        assertThat(again.get("journalEntry")).isEqualTo(booked.get("journalEntry"));
        assertThat(send("POST", "/remittances", "remit-api-test-0001", body(account, "3000000.00", "1382840.41", "3550.12"))
                .status()).as("the key with other content").isEqualTo(409);

        JsonNode page = answer(send("GET", "/remittances?from=2026-11-27&to=2026-11-27&member=1&limit=1", null, null), 200);
        assertThat(page.get("total").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(page.get("remittances")).hasSize(1);
    }

    @Test
    void allocationsThatDoNotAddUpAreAProblemAndBookNothing() throws Exception {
        String account = voluntaryAccount();
        int before = answer(send("GET", "/remittances?limit=1", null, null), 200).get("total").asInt();
        RawHttp.Answer refused = send("POST", "/remittances", "remit-api-test-0002", body(account, "3000000.00", "1382840.40", "3550.123456"));
        JsonNode problem = answer(refused, 422);
        assertThat(refused.headers().toString()).contains("application/problem+json");
        assertThat(problem.get("code").asText()).isEqualTo("remittance.allocation.sum");
        assertThat(problem.get("detail").asText()).contains("Rp 4.382.840,41", "Rp 0,01");
        assertThat(answer(send("GET", "/remittances?limit=1", null, null), 200).get("total").asInt()).isEqualTo(before);
    }

    @Test
    void withoutARateTheDayNeedsOne() throws Exception {
        String request = """
                {"memberNumber":1,"receivedOn":"2026-11-27","corridor":"QA","channel":"BANK","sentCurrency":"QAR",
                 "sentAmount":"100.00","fee":"0.00","allocations":[{"kind":"CASH","amount":"430000.00"}]}""";
        JsonNode problem = answer(send("POST", "/remittances", "remit-api-test-0003", request), 404);
        assertThat(problem.get("code").asText()).isEqualTo("remittance.rate.none");
        assertThat(send("POST", "/remittances", "remit-api-test-0005", request.replace("\"sentAmount\"", "\"sentAmount\":\"1\",\"x\""))
                .status()).as("unknown field").isEqualTo(400);
    }
}
