package org.lumbung.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.lumbung.security.SystemActor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Members and savings over the integration API, over HTTP against the running application: search, read,
 * register; a member's accounts; deposits and withdrawals with idempotency keys, the screens' rules and their
 * receipts; an account's transactions. Hostile bodies are refused with a 4xx problem and book nothing.
 */
class SavingsApiTest extends HttpApiTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    org.lumbung.cooperative.CooperativeService cooperatives;
    @org.springframework.beans.factory.annotation.Autowired
    org.lumbung.members.MemberService members;
    @org.springframework.beans.factory.annotation.Autowired
    org.lumbung.savings.SavingsProducts products;
    @org.springframework.beans.factory.annotation.Autowired
    org.lumbung.savings.SavingsService savings;

    @Test
    void aRemittanceOperatorFindsAMemberDepositsAndReadsTheReceipt() throws Exception {
        JsonNode page = answer(send("GET", "/members?q=Siti%20Aminah&limit=2", null, null), 200);
        assertThat(page.get("total").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(page.get("members")).hasSize(2);
        JsonNode siti = answer(send("GET", "/members/1", null, null), 200);
        assertThat(siti.get("fullName").asText()).isEqualTo("Siti Aminah");

        JsonNode accounts = answer(send("GET", "/members/1/savings-accounts", null, null), 200);
        JsonNode voluntary = null;
        for (JsonNode a : accounts) {
            if (a.get("kind").asText().equals("VOLUNTARY")) {
                voluntary = a;
            }
        }
        assertThat(voluntary).isNotNull();
        String number = voluntary.get("number").asText();
        java.math.BigDecimal before = new java.math.BigDecimal(voluntary.get("balance").asText());

        String deposit = "{\"amount\":\"250000.00\",\"note\":\"kiriman dari Hong Kong\"}";
        JsonNode booked = answer(send("POST", "/members/1/savings-accounts/" + number + "/deposits", "remit-2026-0001", deposit), 201);
        assertThat(booked.get("receiptNumber").asInt()).isPositive();
        assertThat(booked.get("journalEntryId").asLong()).isPositive();
        assertThat(booked.get("journalEntrySequence").asLong()).isPositive();
        assertThat(new java.math.BigDecimal(booked.get("balanceAfter").asText())).isEqualByComparingTo(before.add(new java.math.BigDecimal("250000")));
        JsonNode again = answer(send("POST", "/members/1/savings-accounts/" + number + "/deposits", "remit-2026-0001", deposit), 200);
        assertThat(again.get("receiptNumber")).as("the same receipt, booked once").isEqualTo(booked.get("receiptNumber"));
        assertThat(send("POST", "/members/1/savings-accounts/" + number + "/deposits", "remit-2026-0001",
                "{\"amount\":\"260000.00\"}").status()).as("the key with other content").isEqualTo(409);

        RawHttp.Answer tooMuch = send("POST", "/members/1/savings-accounts/" + number + "/withdrawals", "withdraw-all-0001",
                "{\"amount\":\"" + before.add(new java.math.BigDecimal("250000")).toPlainString() + "\"}");
        assertThat(tooMuch.status()).as("below the minimum balance: " + tooMuch.body()).isEqualTo(422);
        JsonNode withdrawn = answer(send("POST", "/members/1/savings-accounts/" + number + "/withdrawals", "withdraw-some-0001",
                "{\"amount\":\"50000.00\"}"), 201);
        assertThat(withdrawn.get("kind").asText()).isEqualTo("WITHDRAWAL");

        JsonNode transactions = answer(send("GET", "/members/1/savings-accounts/" + number + "/transactions?limit=2", null, null), 200);
        assertThat(transactions.get("total").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(transactions.get("transactions").get(0).get("receiptNumber")).isEqualTo(withdrawn.get("receiptNumber"));
        String mandatory = accounts.get(1).get("number").asText();
        assertThat(send("POST", "/members/1/savings-accounts/" + mandatory + "/withdrawals", "withdraw-wajib-0001",
                "{\"amount\":\"1000.00\"}").status()).as("mandatory savings are never withdrawn").isEqualTo(422);
    }

    @Test
    void aTimeDepositIsPaidOutWholeAtItsQuotedAmount() throws Exception {
        JsonNode m = answer(send("POST", "/members", null, """
                {"fullName":"Wartini Berjangka","gender":"F","village":"Ngrupit","joinedOn":"2026-01-05","status":"ACTIVE"}"""), 201);
        int number = m.get("memberNumber").asInt();
        long coop = SystemActor.run(() -> cooperatives.byCode("ngrupit").id());
        long memberId = SystemActor.run(() -> members.byNumber(coop, number).orElseThrow().id());
        long product = SystemActor.run(() -> products.products(coop).stream()
                .filter(p -> p.kind() == org.lumbung.savings.SavingsKind.TIME_DEPOSIT).findFirst().orElseThrow().id());
        String account = SystemActor.run(() -> savings.account(coop, savings.openTimeDeposit(coop, new org.lumbung.savings.NewTimeDeposit(
                memberId, product, new java.math.BigDecimal("3000000"), java.time.LocalDate.of(2026, 2, 2), null, "td-open-api-0001"))
                .transaction().accountId()).number());
        String path = "/members/" + number + "/savings-accounts/" + account;

        JsonNode quote = answer(send("GET", path + "/payout-quote?on=2026-03-02", null, null), 200);
        // 6 % on daily balances: February's 27 days 13,315.07 and March's 1 day on 3,013,315.07 495.34; no run paid them
        assertThat(quote.get("interest").asText()).isEqualTo("13810.41");
        assertThat(quote.get("amount").asText()).isEqualTo("3013810.41");
        assertThat(quote.get("penalty").asText()).isEqualTo("30000.00");
        assertThat(quote.get("cash").asText()).isEqualTo("2983810.41");
        assertThat(send("POST", path + "/withdrawals", "td-payout-api-0001", "{\"amount\":\"3000000.00\",\"valueDate\":\"2026-03-02\"}")
                .status()).as("the balance without its interest").isEqualTo(422);
        JsonNode paid = answer(send("POST", path + "/withdrawals", "td-payout-api-0002",
                "{\"amount\":\"3013810.41\",\"valueDate\":\"2026-03-02\"}"), 201);
        assertThat(paid.get("balanceAfter").asText()).isEqualTo("0.00");
        assertThat(send("GET", path + "/payout-quote?on=2026-13-02", null, null).status()).isEqualTo(400);
    }

    @Test
    void aMemberIsRegisteredWithTheFormsRules() throws Exception {
        JsonNode m = answer(send("POST", "/members", null, """
                {"fullName":"Wartini","gender":"F","village":"Ngrupit","joinedOn":"2026-11-02","status":"ACTIVE"}"""), 201);
        assertThat(m.get("memberNumber").asInt()).isPositive();
        assertThat(answer(send("GET", "/members/" + m.get("memberNumber").asInt() + "/savings-accounts", null, null), 200)).isNotEmpty();
        assertThat(send("GET", "/members/999999", null, null).status()).isEqualTo(404);
    }

    @Test
    void hostileBodiesAreRefusedWithAProblemAndBookNothing() throws Exception {
        String number = answer(send("GET", "/members/1/savings-accounts", null, null), 200).get(2).get("number").asText();
        String trialBalance = send("GET", "/trial-balance", null, null).body();
        List<String[]> corpus = new ArrayList<>();
        for (String amount : new String[]{"1e3", "\"1e3\"", "\"1e2147483600\"", "\"-5\"", "\"0\"", "\"12,34,56\"", "\"1.200.000,50\"",
                "\"\"", "null", "true", "[]", "{}", "\"0.001\"", "\"99999999999999999999999\"", "\" 100\"", "\"100 \"", "\"١٠٠\""}) {
            corpus.add(new String[]{"/members/1/savings-accounts/" + number + "/deposits", "{\"amount\":" + amount + "}"});
            corpus.add(new String[]{"/members/1/savings-accounts/" + number + "/withdrawals", "{\"amount\":" + amount + "}"});
        }
        for (String body : new String[]{"", "{", "[]", "null", "{\"amount\":\"100.00\",\"amount\":\"1.00\"}",
                "{\"amount\":\"100.00\",\"extra\":1}", "{\"amount\":\"100.00\"} trailing", "{\"amount\":\"100.00\",\"valueDate\":\"2026-13-01\"}",
                "{\"amount\":\"100.00\",\"valueDate\":\"2999-01-01\"}", "{\"amount\":\"100.00\",\"note\":\"" + "x".repeat(5000) + "\"}"}) {
            corpus.add(new String[]{"/members/1/savings-accounts/" + number + "/deposits", body});
        }
        for (String body : new String[]{"{}", "{\"fullName\":\"\"}", "{\"fullName\":\"" + "n".repeat(5000) + "\",\"gender\":\"F\"}",
                "{\"fullName\":\"A\",\"gender\":\"X\"}", "{\"fullName\":\"A\",\"gender\":\"F\",\"status\":\"KING\"}",
                "{\"fullName\":\"A\",\"gender\":\"F\",\"nationalIdKind\":\"NIK\",\"nationalId\":\"123\"}", "{\"fullName\":1}"}) {
            corpus.add(new String[]{"/members", body});
        }
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (String[] hostile : corpus) {
            RawHttp.Answer answer = send("POST", hostile[0], "hostile-savings-" + (n++), hostile[1]);
            boolean problem = answer.status() >= 400 && answer.status() < 500 && answer.bodyBytes() < 2_000
                    && String.valueOf(answer.header("content-type")).startsWith("application/problem+json")
                    && json.readTree(answer.body()).hasNonNull("code");
            if (!problem) {
                failures.add(hostile[0] + " " + hostile[1].substring(0, Math.min(80, hostile[1].length())) + " → " + answer.status()
                        + " " + answer.body().substring(0, Math.min(200, answer.body().length())));
            }
        }
        assertThat(failures).isEmpty();
        assertThat(send("GET", "/trial-balance", null, null).body()).as("nothing booked").isEqualTo(trialBalance);
    }
}
