package org.lumbung.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lumbung.security.NewUser;
import org.lumbung.security.Role;
import org.lumbung.security.SystemActor;
import org.lumbung.security.UserAccount;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lumbung.platform.db.CooperativeScope.asSystem;

/**
 * The API over real HTTP (Tomcat on a random port, the whole filter chain, the error page, a real PostgreSQL):
 * every error, including the ones that never reach a controller, is an RFC 7807 problem with a stable code,
 * whatever the Accept header; nothing under /api/ is ever Vaadin's page or a redirect to the sign-in page.
 */
class ApiOverHttpTest extends HttpApiTestBase {

    static final List<String> ACCEPTS = List.of("text/html,application/xhtml+xml,*/*;q=0.8", "application/json", "*/*");

    @Autowired
    org.lumbung.security.ApiTokens tokens;
    @Autowired
    org.lumbung.security.UserService users;
    @Autowired
    org.lumbung.cooperative.CooperativeService cooperatives;
    @Autowired
    org.lumbung.audit.AuditLog audit;

    RawHttp.Answer get(String target, Map<String, String> headers) throws Exception {
        return http.send("GET", target, headers, null);
    }

    JsonNode problem(RawHttp.Answer answer, int status, String code) throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("content-type")).startsWith("application/problem+json");
        assertThat(answer.header("location")).as("never a redirect").isNull();
        JsonNode body = json.readTree(answer.body());
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asText()).isNotBlank();
        return body;
    }

    @Test
    void aMissingOrBadCredentialIsA401ProblemWhateverTheAcceptHeader() throws Exception {
        long ngrupit = asSystem(() -> cooperatives.byCode("ngrupit").id());
        var token = SystemActor.run(() -> tokens.create(ngrupit, "Revoked soon", Role.AUDITOR));
        SystemActor.run(() -> {
            tokens.revoke(token.token().id());
            return null;
        });
        List<Map<String, String>> credentials = List.of(Map.of(),
                Map.of("Authorization", RawHttp.basic("treasurer", "wrong")),
                Map.of("Authorization", RawHttp.basic("nobody", "demo")),
                Map.of("Authorization", "Bearer lbg_00000000_forged"),
                Map.of("Authorization", "Bearer " + token.secret()));
        for (Map<String, String> credential : credentials) {
            for (String accept : ACCEPTS) {
                Map<String, String> headers = new java.util.HashMap<>(credential);
                headers.put("Accept", accept);
                RawHttp.Answer answer = get(BASE + "/trial-balance", headers);
                problem(answer, 401, "access.signed-out");
                assertThat(answer.header("www-authenticate")).contains("Basic").contains("Bearer");
            }
        }
        assertThat(asSystem(() -> audit.page(null, "token:" + token.token().prefix(), 0, 50)))
                .as("a revoked token's every try is a failed sign-in").hasSize(ACCEPTS.size())
                .allSatisfy(e -> assertThat(e.outcome()).isEqualTo("FAILED"));
        // a signed-out command, too, and in Indonesian
        RawHttp.Answer post = http.send("POST", BASE + "/journal-entries", Map.of("Accept", "text/html",
                "Accept-Language", "id", "Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(problem(post, 401, "access.signed-out").get("detail").asText()).isEqualTo("Silakan masuk terlebih dahulu.");
    }

    @Test
    void aSignedInCallerWithoutTheRightGetsA403Problem() throws Exception {
        RawHttp.Answer answer = http.send("POST", BASE + "/journal-entries", Map.of("Accept", "text/html",
                "Authorization", RawHttp.basic("auditor", "demo"), "Idempotency-Key", "http-test-0001",
                "Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(json.readTree(answer.body()).get("code").asText()).startsWith("access.");
    }

    @Test
    void anUnknownPathUnderTheApiIsA404ProblemNotVaadinsPage() throws Exception {
        for (String path : List.of(BASE + "/nope", "/api/v1/nope", "/api/nope", BASE + "/accounts/1100/nope")) {
            for (String accept : ACCEPTS) {
                RawHttp.Answer answer = get(path, Map.of("Accept", accept, "Authorization", RawHttp.basic("treasurer", "demo")));
                problem(answer, 404, "api.not-found");
                assertThat(answer.body()).doesNotContain("<html");
            }
        }
    }

    @Test
    void aWrongMethodIsA405Problem() throws Exception {
        for (String accept : ACCEPTS) {
            RawHttp.Answer answer = http.send("DELETE", BASE + "/trial-balance",
                    Map.of("Accept", accept, "Authorization", RawHttp.basic("treasurer", "demo")), null);
            problem(answer, 405, "api.method-not-allowed");
        }
    }

    @Test
    void tomcatsOwnRefusalsAreProblemsToo() throws Exception {
        problem(get(BASE + "/accounts/%00/balance", Map.of("Authorization", RawHttp.basic("treasurer", "demo"))),
                400, "api.malformed");
        problem(get(BASE + "/trial-balance", Map.of("Authorization", RawHttp.basic("treasurer", "demo"),
                "X-Padding", "x".repeat(10 * 1024))), 400, "api.malformed");
        RawHttp.Answer answer = get(BASE + "/trial-balance", Map.of("X-Padding", "x".repeat(10 * 1024)));
        assertThat(answer.body()).doesNotContain("Apache Tomcat").doesNotContain("<html");
    }

    @Test
    void malformedBodiesAreProblemsAtTheHttpLevel() throws Exception {
        Map<String, String> headers = Map.of("Authorization", RawHttp.basic("treasurer", "demo"),
                "Idempotency-Key", "http-test-0002", "Content-Type", "application/json", "Accept", "text/html");
        // an overlong '/' (C0 AF) and an encoded surrogate (ED A0 80) in the description
        for (byte[] bad : List.of(new byte[]{(byte) 0xC0, (byte) 0xAF}, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
            byte[] body = concat("{\"valueDate\":\"2026-01-01\",\"description\":\"x".getBytes(StandardCharsets.UTF_8), bad,
                    "\",\"lines\":[]}".getBytes(StandardCharsets.UTF_8));
            problem(http.send("POST", BASE + "/journal-entries", headers, body), 400, "api.body.not-utf8");
        }
        problem(http.send("POST", BASE + "/journal-entries", headers, "{\"lines\":[".getBytes(StandardCharsets.UTF_8)),
                400, "api.malformed");
    }

    @Test
    void basicSignInIsRememberedBrieflyAndForgottenWhenTheUserIsSwitchedOff() throws Exception {
        UserAccount user = SystemActor.run(() -> users.create(new NewUser("cache.test", "Cache Test", Role.TREASURER,
                asSystem(() -> cooperatives.byCode("ngrupit").id()), "en", null), "padi menguning di sawah"));
        Map<String, String> signIn = Map.of("Authorization", RawHttp.basic("cache.test", "padi menguning di sawah"));
        for (int i = 0; i < 5; i++) {
            assertThat(get(BASE + "/trial-balance", signIn).status()).isEqualTo(200);
        }
        assertThat(get(BASE + "/trial-balance", Map.of("Authorization", RawHttp.basic("cache.test", "wrong"))).status())
                .isEqualTo(401);
        List<org.lumbung.audit.AuditEvent> events = asSystem(() -> audit.page(null, "cache.test", 0, 50));
        assertThat(events).filteredOn(e -> e.action().equals("SIGN_IN") && e.outcome().equals("OK"))
                .as("one sign-in audited for five requests").hasSize(1);
        assertThat(events).filteredOn(e -> e.action().equals("SIGN_IN") && e.outcome().equals("FAILED"))
                .as("every failure audited").hasSize(1);

        SystemActor.run(() -> {
            users.setEnabled(user.id(), false);
            return null;
        });
        problem(get(BASE + "/trial-balance", signIn), 401, "access.signed-out");
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
