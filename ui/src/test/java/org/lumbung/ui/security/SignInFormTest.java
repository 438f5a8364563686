package org.lumbung.ui.security;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.lumbung.security.NewUser;
import org.lumbung.security.Role;
import org.lumbung.security.SystemActor;
import org.lumbung.security.UserService;
import org.lumbung.testsupport.AppRoleDatabaseInitializer;
import org.lumbung.ui.LumbungApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in form over real HTTP: a POST from another site (no CSRF token) signs nobody in, also with a
 * right password or PIN; the session cookie is SameSite=Lax; the page carries the token the form sends;
 * an address that fails too often is sent to the sign-in page with its own message.
 */
@SpringBootTest(classes = LumbungApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lumbung.sample-data.enabled=false", "lumbung.sign-in.max-failures-per-address=3"})
@ContextConfiguration(initializers = AppRoleDatabaseInitializer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the throttling test leaves this address throttled
class SignInFormTest {

    static final String PASSWORD = "padi menguning di sawah";
    static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_parameter)?)\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** A browser session on the sign-in page: its cookie and the CSRF token written into the page. */
    record Page(String cookie, String parameter, String token) {
    }

    private void staff(String username) {
        SystemActor.run(() -> users.create(new NewUser(username, "Ibu " + username, Role.ADMIN, null, "id", null), PASSWORD));
    }

    private Page open() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        String setCookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow();
        assertThat(setCookie).as("the session cookie stays home on cross-site POSTs").containsIgnoringCase("SameSite=Lax")
                .containsIgnoringCase("HttpOnly");
        Map<String, String> meta = META.matcher(page.body()).results()
                .collect(Collectors.toMap(m -> m.group(1), m -> m.group(2), (a, b) -> a));
        assertThat(meta).containsKeys("_csrf", "_csrf_parameter");
        return new Page(setCookie.substring(0, setCookie.indexOf(';')), meta.get("_csrf_parameter"), meta.get("_csrf"));
    }

    private HttpResponse<String> post(String cookie, Map<String, String> form, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void aCrossSitePostWithoutTheTokenSignsNobodyIn() throws Exception {
        staff("ketua.csrf");
        HttpResponse<String> crossSite = post(null, Map.of("username", "ketua.csrf", "password", PASSWORD), "https://evil.example");
        assertThat(crossSite.statusCode()).as("a page of another site posting the right password").isEqualTo(403);

        Page page = open();
        HttpResponse<String> noToken = post(page.cookie(), Map.of("username", "ketua.csrf", "password", PASSWORD), null);
        assertThat(noToken.statusCode()).as("the session's cookie without its token").isEqualTo(403);
        HttpResponse<String> wrongToken = post(page.cookie(), Map.of("username", "ketua.csrf", "password", PASSWORD,
                page.parameter(), "not-the-token"), null);
        assertThat(wrongToken.statusCode()).isEqualTo(403);

        HttpResponse<String> signedIn = post(page.cookie(), Map.of("username", "ketua.csrf", "password", PASSWORD,
                page.parameter(), page.token()), null);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("login"));
    }

    @Test
    @Order(2)
    void anAddressThatFailsTooOftenIsToldToWait() throws Exception {
        staff("ketua.throttle");
        Page page = open();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> wrong = post(page.cookie(), Map.of("username", "ketua.throttle", "password", "wrong " + i,
                    page.parameter(), page.token()), null);
            assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        }
        HttpResponse<String> refused = post(page.cookie(), Map.of("username", "ketua.throttle", "password", PASSWORD,
                page.parameter(), page.token()), null);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?throttled"));
    }
}
