package org.lumbung.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lumbung.platform.db.CooperativeScope.asSystem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The ledger's JSON API over the real security chain and a real PostgreSQL with the sample cooperative. */
class LedgerApiTest extends MockMvcApiTestBase {

    static final String BASE = "/api/v1/cooperatives/ngrupit";
    static final String TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();

    @Autowired
    org.lumbung.audit.AuditLog audit;
    @Autowired
    org.lumbung.security.UserService users;
    @Autowired
    org.lumbung.security.ApiTokens tokens;
    @Autowired
    org.lumbung.cooperative.CooperativeService cooperatives;

    static String deposit(String amount) {
        return """
                {"valueDate":"%s","description":"Setoran sukarela","lines":[
                  {"account":"1100","side":"DEBIT","amount":"%s"},{"account":"2100","side":"CREDIT","amount":"%s"}]}
                """.formatted(TODAY, amount, amount);
    }

    MockHttpServletRequestBuilder postEntry(String key, String body) {
        return post(BASE + "/journal-entries").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void postReplayAndConflict() throws Exception {
        String created = as("treasurer", postEntry("api-test-0001", deposit("150000.00")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sequence").isNumber())
                .andExpect(jsonPath("$.hash").isString())
                .andExpect(jsonPath("$.lines[0].amount").value("150000.00"))
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("id").asLong();

        as("treasurer", postEntry("api-test-0001", deposit("150000")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id));
        as("treasurer", postEntry("api-test-0001", deposit("160000")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ledger.idempotency.conflict"));

        as("auditor", get(BASE + "/journal-entries/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.description").value("Setoran sukarela"));
        // maker-checker: the treasurer asks, the treasurer cannot approve, the chair approves
        String request = as("treasurer", post(BASE + "/journal-entries/" + id + "/reversal")
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"wrong member\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.requestedBy").value("treasurer"))
                .andReturn().getResponse().getContentAsString();
        long approval = json.readTree(request).get("id").asLong();
        as("treasurer", post(BASE + "/journal-entries/" + id + "/reversal")
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"again\"}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("approval.already-pending"));
        as("treasurer", post(BASE + "/approvals/" + approval + "/approve")).andExpect(status().isForbidden());
        as("chair", post(BASE + "/approvals/" + approval + "/approve")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.decidedBy").value("chair"))
                .andExpect(jsonPath("$.outcome").value(org.hamcrest.Matchers.startsWith("reversal #")));
        as("chair", post(BASE + "/approvals/" + approval + "/approve")).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("approval.decided"));
        as("treasurer", post(BASE + "/journal-entries/" + id + "/reversal")
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"once more\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ledger.reversal.already"));
    }

    @Test
    void theOneWhoAskedCannotDecideThroughTheApi() throws Exception {
        String created = as("treasurer", postEntry("api-test-mc-01", deposit("1000.00")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("id").asLong();
        // the chair may both ask and decide, but never her own request
        String request = as("chair", post(BASE + "/journal-entries/" + id + "/reversal")
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"typo\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.requestedBy").value("chair"))
                .andReturn().getResponse().getContentAsString();
        long approval = json.readTree(request).get("id").asLong();
        as("chair", post(BASE + "/approvals/" + approval + "/approve"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("approval.same-person"));
        as("chair", post(BASE + "/approvals/" + approval + "/reject"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("approval.same-person"));
        // nor through a token, which anyone holding it (or the administrator who made it) could use
        long ngrupit = asSystem(() -> cooperatives.byCode("ngrupit").id());
        var chairToken = org.lumbung.security.SystemActor.run(() -> tokens.create(ngrupit, "Aplikasi Ketua",
                org.lumbung.security.Role.CHAIR));
        mvc.perform(post(BASE + "/approvals/" + approval + "/approve").header("Authorization", "Bearer " + chairToken.secret()))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("approval.person-only"));
        as("auditor", get(BASE + "/approvals")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + approval + ")].status").value("PENDING"));
    }

    @Test
    void theAuditorChecksThatTodaysChainPassesThroughAWrittenDownHead() throws Exception {
        String first = as("auditor", get(BASE + "/ledger/verification")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        long sequence = json.readTree(first).get("entriesChecked").asLong();
        String fingerprint = json.readTree(first).get("headFingerprint").asText();
        as("treasurer", postEntry("api-test-cp-01", deposit("10.00"))).andExpect(status().isCreated());
        as("auditor", get(BASE + "/ledger/verification?sequence=" + sequence + "&fingerprint=" + fingerprint.toUpperCase()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.checkpoint").value("PASSES"));
        as("auditor", get(BASE + "/ledger/verification?sequence=" + sequence + "&fingerprint=" + "0".repeat(64)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.checkpoint").value("DIFFERS"));
        as("auditor", get(BASE + "/ledger/verification?sequence=" + (sequence + 1_000_000) + "&fingerprint=" + fingerprint))
                .andExpect(status().isOk()).andExpect(jsonPath("$.checkpoint").value("NOT_REACHED"));
        as("auditor", get(BASE + "/ledger/verification?sequence=" + sequence + "&fingerprint=not-a-hash"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("chain.checkpoint.invalid"));
        as("auditor", get(BASE + "/ledger/verification")).andExpect(jsonPath("$.checkpoint").value(org.hamcrest.Matchers.nullValue()));
    }

    @Test
    void badInputIsA4xxProblemInTheReadersLanguage() throws Exception {
        as("treasurer", postEntry("api-test-0002", """
                {"valueDate":"%s","description":"x","lines":[
                  {"account":"1100","side":"DEBIT","amount":"1"},{"account":"2100","side":"CREDIT","amount":"2"}]}
                """.formatted(TODAY)).header("Accept-Language", "id"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value("Jurnal tidak seimbang dalam IDR: debit 1.00, kredit 2.00."));
        as("treasurer", postEntry("api-test-0003", "{not json")).andExpect(status().isBadRequest());
        as("treasurer", post(BASE + "/journal-entries").contentType(MediaType.APPLICATION_JSON).content(deposit("1")))
                .andExpect(status().isBadRequest());
        as("treasurer", postEntry("api-test-0004", deposit("0.001"))).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("money.amount.too-many-decimals"));
        as("treasurer", postEntry("api-test-0005", deposit("-5"))).andExpect(status().isUnprocessableEntity());
        as("treasurer", get(BASE + "/trial-balance?asOf=yesterday")).andExpect(status().isBadRequest());
        as("treasurer", get("/api/v1/cooperatives/nowhere/trial-balance")).andExpect(status().isNotFound());
        as("treasurer", get(BASE + "/journal-entries/999999")).andExpect(status().isNotFound());
    }

    /** One NDJSON line: a batch of two-line deposits, one per amount (debit and credit equal unless {@code credit} differs). */
    static String batchLine(String keyPrefix, String... amounts) {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < amounts.length; i++) {
            String[] debitCredit = amounts[i].split("/");
            String credit = debitCredit.length > 1 ? debitCredit[1] : debitCredit[0];
            entries.append(i == 0 ? "" : ",").append("""
                    {"idempotencyKey":"%s-%d","valueDate":"%s","description":"Setoran","lines":[\
                    {"account":"1100","side":"DEBIT","amount":"%s"},{"account":"2100","side":"CREDIT","amount":"%s"}]}\
                    """.formatted(keyPrefix, i, TODAY, debitCredit[0], credit));
        }
        return "{\"entries\":[" + entries + "]}";
    }

    MockHttpServletRequestBuilder postStream(String... lines) {
        return post(BASE + "/journal-entries/batches").contentType("application/x-ndjson").content(String.join("\n", lines) + "\n");
    }

    List<JsonNode> answerLines(org.springframework.test.web.servlet.ResultActions answer) throws Exception {
        String body = answer.andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/x-ndjson"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : body.split("\n")) {
            lines.add(json.readTree(line));
        }
        return lines;
    }

    @Test
    void aStreamOfBatchesIsAnsweredBatchByBatchInItsOrderAndARefusedBatchStopsNoOther() throws Exception {
        String[] body = {batchLine("stream-a", "1000.00", "2000.00"), batchLine("stream-b", "500.00/400.00"),
                "", batchLine("stream-c", "300.00")};
        List<JsonNode> first = answerLines(as("treasurer", postStream(body).header("Accept-Language", "id")));
        assertThat(first).hasSize(3);
        assertThat(first.get(0).get("batch").asInt()).isZero();
        assertThat(first.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(first.get(0).get("entries")).hasSize(2);
        assertThat(first.get(0).get("entries").get(0).get("idempotencyKey").asText()).isEqualTo("stream-a-0");
        assertThat(first.get(0).get("entries").get(1).get("sequence").asLong())
                .isEqualTo(first.get(0).get("entries").get(0).get("sequence").asLong() + 1);
        assertThat(first.get(1).get("status").asInt()).isEqualTo(422);
        assertThat(first.get(1).get("problem").get("code").asText()).isEqualTo("ledger.entry.unbalanced");
        assertThat(first.get(1).get("problem").get("detail").asText()).startsWith("Jurnal tidak seimbang");
        assertThat(first.get(1).has("entries")).isFalse();
        assertThat(first.get(2).get("batch").asInt()).isEqualTo(2);
        assertThat(first.get(2).get("status").asInt()).isEqualTo(201);
        long entryOfC = first.get(2).get("entries").get(0).get("id").asLong();
        as("auditor", get(BASE + "/journal-entries/" + entryOfC)).andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[0].amount").value("300.00"));

        // the same body again books nothing twice: every entry is answered as replayed, the refusal stands
        List<JsonNode> again = answerLines(as("treasurer", postStream(body)));
        assertThat(again.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(again.get(0).get("entries").get(0).get("replayed").asBoolean()).isTrue();
        assertThat(again.get(0).get("entries").get(0).get("id").asLong())
                .isEqualTo(first.get(0).get("entries").get(0).get("id").asLong());
        assertThat(again.get(1).get("status").asInt()).isEqualTo(422);
        assertThat(again.get(2).get("entries").get(0).get("id").asLong()).isEqualTo(entryOfC);
    }

    private void assertFreshlyBooked(String line) throws Exception {
        JsonNode answer = answerLines(as("treasurer", postStream(line))).get(0);
        assertThat(answer.get("status").asInt()).isEqualTo(201);
        assertThat(answer.get("entries").get(0).get("replayed").asBoolean()).isFalse();
    }

    @Autowired
    org.lumbung.ledger.api.BatchStreamSlots streamSlots;

    @Test
    void aStreamBeyondTheOnesPostingAtOnceIsAskedToComeBackAndPostsNothing() throws Exception {
        for (int i = 0; i < org.lumbung.ledger.api.BatchStreamSlots.AT_ONCE; i++) {
            assertThat(streamSlots.tryEnter()).isTrue();
        }
        try {
            as("treasurer", postStream(batchLine("stream-busy", "100.00"))).andExpect(status().isServiceUnavailable())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Retry-After", "5"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("api.streams.busy"));
        } finally {
            for (int i = 0; i < org.lumbung.ledger.api.BatchStreamSlots.AT_ONCE; i++) {
                streamSlots.leave();
            }
        }
        assertFreshlyBooked(batchLine("stream-busy", "100.00"));
    }

    @Test
    void aLineThatCannotBeReadEndsTheStreamAndNothingAfterItIsPosted() throws Exception {
        List<JsonNode> answer = answerLines(as("treasurer", postStream(batchLine("stream-d", "100.00"),
                batchLine("stream-e", "1e3"), batchLine("stream-f", "100.00"))));
        assertThat(answer).hasSize(2);
        assertThat(answer.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(answer.get(1).get("batch").asInt()).isEqualTo(1);
        assertThat(answer.get(1).get("problem").get("code").asText()).isEqualTo("api.amount.malformed");
        List<JsonNode> trailing = answerLines(as("treasurer", postStream(batchLine("stream-d", "100.00"), "{\"entries\":[1]}")));
        assertThat(trailing.get(0).get("entries").get(0).get("replayed").asBoolean()).isTrue();
        assertThat(trailing.get(1).get("status").asInt()).isEqualTo(400);
        assertThat(trailing.get(1).get("problem").get("code").asText()).isEqualTo("api.malformed");
        assertThat(trailing.get(1).get("problem").get("field").asText()).isEqualTo("entries.[0]");
        // the line after the unreadable one was never posted: posting it now books it (not a replay)
        assertFreshlyBooked(batchLine("stream-f", "100.00"));

        // a first line that cannot be read is the whole answer, a problem like any other body's
        as("treasurer", postStream("{not json", batchLine("stream-g", "100.00"))).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("api.malformed"));
        assertFreshlyBooked(batchLine("stream-g", "100.00"));
        as("auditor", postStream(batchLine("stream-h", "100.00"))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("access.read-only"));
    }

    @Test
    void peopleAreWhoTheySay() throws Exception {
        mvc.perform(get(BASE + "/trial-balance")).andExpect(status().isUnauthorized());
        mvc.perform(get(BASE + "/trial-balance").with(httpBasic("treasurer", "wrong"))).andExpect(status().isUnauthorized());
        as("auditor", postEntry("api-test-0006", deposit("1000"))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("access.read-only"));
    }

    @Test
    void trialBalanceBalancesAndTheChainVerifies() throws Exception {
        String body = as("auditor", get(BASE + "/trial-balance?asOf=" + TODAY)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        JsonNode tb = json.readTree(body);
        assertThat(tb.get("balanced").asBoolean()).isTrue();
        assertThat(tb.get("accounts").get(0).has("debit")).isTrue();
        // one total per currency (the sample holds foreign cash from remittances), each balanced
        JsonNode idr = java.util.stream.StreamSupport.stream(tb.get("totals").spliterator(), false)
                .filter(t -> t.get("currency").asText().equals("IDR")).findFirst().orElseThrow();
        tb.get("totals").forEach(t -> assertThat(t.get("debit").asText()).as(t.get("currency").asText())
                .isEqualTo(t.get("credit").asText()));
        assertThat(idr.get("debit").asText()).isEqualTo(idr.get("credit").asText());

        as("auditor", get(BASE + "/ledger/verification")).andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.entriesChecked").isNumber())
                .andExpect(jsonPath("$.headFingerprint").isString());
        as("auditor", get(BASE + "/accounts/3100/balance?asOf=" + TODAY)).andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value("0.00"));
        as("auditor", get(BASE + "/accounts/3100.00001/statement?from=2024-01-01&to=" + TODAY)).andExpect(status().isOk())
                .andExpect(jsonPath("$.closingBalance").value("100000.00"))
                .andExpect(jsonPath("$.lines[0].balanceAfter").value("100000.00"));
    }

    @Test
    void theChartCanBeExtendedAndTheNewAccountTakesPostings() throws Exception {
        // a child counts in its parent's currency (issue 12): ringgit under the rupiah assets are refused
        as("treasurer", post(BASE + "/accounts").contentType(MediaType.APPLICATION_JSON).content("""
                {"code":"1210","nameEn":"Bank MYR","nameId":"Bank MYR","parent":"1","currency":"MYR","constraint":"NO_CREDIT_BALANCE"}
                """)).andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("ledger.account.parent.currency"));
        as("treasurer", post(BASE + "/accounts").contentType(MediaType.APPLICATION_JSON).content("""
                {"code":"1210","nameEn":"Bank BRI","nameId":"Bank BRI","parent":"1","constraint":"NO_CREDIT_BALANCE"}
                """))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.type").value("ASSET"))
                .andExpect(jsonPath("$.currency").value("IDR"));
        as("treasurer", post(BASE + "/accounts").contentType(MediaType.APPLICATION_JSON).content("""
                {"code":"1210","nameEn":"Again","nameId":"Lagi","parent":"1"}
                """)).andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("ledger.account.code.taken"));
        as("auditor", post(BASE + "/accounts").contentType(MediaType.APPLICATION_JSON).content("""
                {"code":"1220","nameEn":"x","nameId":"x","parent":"1"}
                """)).andExpect(status().isForbidden());
        as("treasurer", get(BASE + "/accounts")).andExpect(status().isOk())
                .andExpect(jsonPath("$.accounts[?(@.code == '1210')].parentCode").value("1"));
    }

    @Test
    void theChartAndTheDetailedTrialBalancePageWithTheirTotals() throws Exception {
        JsonNode all = json.readTree(as("auditor", get(BASE + "/accounts?limit=500")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        int total = all.get("total").asInt();
        assertThat(total).as("members' sub-accounts are counted").isGreaterThan(300);
        JsonNode last = json.readTree(as("auditor", get(BASE + "/accounts?offset=" + (total - 2) + "&limit=500"))
                .andReturn().getResponse().getContentAsString());
        assertThat(last.get("accounts")).hasSize(2);
        as("auditor", get(BASE + "/accounts?limit=501")).andExpect(status().isUnprocessableEntity());

        JsonNode rolledUp = json.readTree(as("auditor", get(BASE + "/trial-balance?asOf=" + TODAY))
                .andReturn().getResponse().getContentAsString());
        JsonNode detail = json.readTree(as("auditor", get(BASE + "/trial-balance?asOf=" + TODAY + "&detail=members&offset=3&limit=5"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(detail.get("detail").asText()).isEqualTo("members");
        assertThat(detail.get("accounts")).hasSize(5);
        assertThat(detail.get("total").asLong()).isGreaterThan(rolledUp.get("total").asLong() + 300);
        assertThat(detail.get("totals")).isEqualTo(rolledUp.get("totals"));
        as("auditor", get(BASE + "/trial-balance?detail=everything")).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("ledger.trial-balance.detail"));
    }

    @Test
    void fiveWrongPasswordsLockASignInAndEverythingIsInTheAuditLog() throws Exception {
        org.lumbung.security.SystemActor.run(() -> users.create(new org.lumbung.security.NewUser("lockout.test", "Lock Out",
                org.lumbung.security.Role.AUDITOR, null, "en", "Kabupaten Ponorogo"), "padi menguning di sawah"));
        mvc.perform(get(BASE + "/trial-balance").with(httpBasic("lockout.test", "padi menguning di sawah"))).andExpect(status().isOk());
        for (int i = 0; i < org.lumbung.security.SignInAttempts.MAX_FAILURES; i++) {
            mvc.perform(get(BASE + "/trial-balance").with(httpBasic("lockout.test", "not-the-password"))).andExpect(status().isUnauthorized());
        }
        // even the right password is refused during the cooling-off time
        mvc.perform(get(BASE + "/trial-balance").with(httpBasic("lockout.test", "padi menguning di sawah"))).andExpect(status().isUnauthorized());
        assertThat(asSystem(() -> audit.page(null, "lockout.test", 0, 50)))
                .filteredOn(e -> e.action().equals("SIGN_IN") && e.outcome().equals("FAILED"))
                .hasSize(org.lumbung.security.SignInAttempts.MAX_FAILURES + 1)
                .anySatisfy(e -> assertThat(e.summary()).isEqualTo("LockedException"));

        as("treasurer", postEntry("api-test-audit", deposit("2500"))).andExpect(status().isCreated());
        assertThat(asSystem(() -> audit.page(null, "api-test-audit", 0, 10))).isEmpty(); // the key is not the summary
        assertThat(asSystem(() -> audit.page(null, "treasurer", 0, 50))).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("API_COMMAND");
            assertThat(e.outcome()).isEqualTo("OK");
            assertThat(e.summary()).contains("POST /api/v1/cooperatives/ngrupit/journal-entries").contains("201");
            assertThat(e.cooperativeId()).isNotNull();
            assertThat(e.clientAddress()).isNotBlank();
        });
    }

    @Test
    void integrationsUseTokensScopedToOneCooperativeAndOneRole() throws Exception {
        long ngrupit = asSystem(() -> cooperatives.byCode("ngrupit").id());
        var reader = org.lumbung.security.SystemActor.run(() -> tokens.create(ngrupit, "Kantor Dinas", org.lumbung.security.Role.AUDITOR));
        var writer = org.lumbung.security.SystemActor.run(() -> tokens.create(ngrupit, "Bank Jatim", org.lumbung.security.Role.TREASURER));
        assertThat(reader.secret()).startsWith("lbg_").hasSizeGreaterThan(40);

        mvc.perform(get(BASE + "/trial-balance").header("Authorization", "Bearer " + reader.secret())).andExpect(status().isOk());
        mvc.perform(postEntry("api-token-0001", deposit("1000")).header("Authorization", "Bearer " + reader.secret()))
                .andExpect(status().isForbidden());
        mvc.perform(postEntry("api-token-0002", deposit("1000")).header("Authorization", "Bearer " + writer.secret()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.createdBy").value("token:" + writer.token().prefix()));
        mvc.perform(get(BASE + "/trial-balance").header("Authorization", "Bearer lbg_00000000_forged")).andExpect(status().isUnauthorized());

        org.lumbung.security.SystemActor.run(() -> {
            tokens.revoke(reader.token().id());
            return null;
        });
        mvc.perform(get(BASE + "/trial-balance").header("Authorization", "Bearer " + reader.secret())).andExpect(status().isUnauthorized());
    }

    @Test
    void documentedAndHealthy() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/cooperatives/{code}/journal-entries']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/cooperatives/{code}/ledger/verification']").exists());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.db.status").value("UP"));
    }
}
