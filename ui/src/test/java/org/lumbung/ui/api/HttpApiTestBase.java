package org.lumbung.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.lumbung.testsupport.AppRoleDatabaseInitializer;
import org.lumbung.ui.LumbungApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.ContextConfiguration;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application on a random port with the sample cooperative, spoken to over raw HTTP as an outside client
 * would: bytes in, status and body out, nothing of Spring's client in between (so malformed bodies arrive as sent).
 * The API tests over HTTP share this one context.
 */
@SpringBootTest(classes = LumbungApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = AppRoleDatabaseInitializer.class)
abstract class HttpApiTestBase {

    static final String BASE = "/api/v1/cooperatives/ngrupit";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    SecurityContextHolderStrategy securityContextHolderStrategy;

    RawHttp http;

    /** This context's security-context strategy, made the JVM-wide one again before each test (see KaribuTest). */
    @BeforeEach
    void connect() {
        SecurityContextHolder.setContextHolderStrategy(securityContextHolderStrategy);
        http = new RawHttp(port);
    }

    /** The language the treasurer's requests ask for; {@code null} sends no Accept-Language. */
    String language() {
        return null;
    }

    /** The treasurer's JSON request to a path of the sample cooperative, with an idempotency key when one is given. */
    RawHttp.Answer send(String method, String path, String key, String body) throws Exception {
        Map<String, String> headers = new HashMap<>(Map.of("Authorization", RawHttp.basic("treasurer", "demo"),
                "Content-Type", "application/json", "Accept", "application/json"));
        if (language() != null) {
            headers.put("Accept-Language", language());
        }
        if (key != null) {
            headers.put("Idempotency-Key", key);
        }
        return http.send(method, BASE + path, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** The answer's JSON, once its status is the expected one (the body is the message when it is not). */
    JsonNode answer(RawHttp.Answer answer, int status) throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        return json.readTree(answer.body());
    }
}
