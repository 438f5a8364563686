package org.lumbung.ui.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import org.junit.jupiter.api.Test;
import org.lumbung.ui.KaribuTest;
import org.lumbung.ui.audit.AuditView;
import org.lumbung.ui.dashboard.DashboardView;
import org.lumbung.ui.ledger.ChartOfAccountsView;
import org.lumbung.ui.ledger.JournalView;
import org.lumbung.ui.ledger.ManualEntryView;
import org.lumbung.ui.ledger.PeriodsView;
import org.lumbung.ui.ledger.TrialBalanceView;
import org.lumbung.ui.ledger.VerificationView;
import org.lumbung.ui.members.MembersView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Every Vaadin route and every REST operation, for every role and signed out, against the permission
 * matrix of the README. The routes come from Vaadin's route registry and the operations from the
 * OpenAPI document, so a new screen or endpoint without a line in the matrix fails this test.
 */
@AutoConfigureMockMvc
class AccessMatrixTest extends KaribuTest {

    static final List<String> PEOPLE = List.of("anonymous", "treasurer", "chair", "auditor", "admin");
    static final Set<String> SIGNED_IN = Set.of("treasurer", "chair", "auditor", "admin");

    /** Who reaches each screen. */
    static final Map<Class<? extends Component>, Set<String>> SCREENS = Map.of(
            DashboardView.class, SIGNED_IN,
            MembersView.class, SIGNED_IN,
            JournalView.class, SIGNED_IN,
            ManualEntryView.class, Set.of("treasurer", "chair", "admin"),
            ChartOfAccountsView.class, SIGNED_IN,
            PeriodsView.class, SIGNED_IN,
            TrialBalanceView.class, SIGNED_IN,
            VerificationView.class, SIGNED_IN,
            AuditView.class, Set.of("chair", "auditor", "admin"));
    /** Sign-in and first-start pages are open to everyone (first start forwards to sign-in once set up). */
    static final Set<Class<? extends Component>> OPEN = Set.of(LoginView.class, SetupView.class);

    /** REST: reading is for every signed-in role of the cooperative; commands for the posting roles. */
    static final Set<String> READERS = SIGNED_IN;
    static final Set<String> WRITERS = Set.of("treasurer", "chair", "admin");

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    @Test
    void everyScreenForEveryRole() {
        List<RouteData> routes = RouteConfiguration.forApplicationScope().getAvailableRoutes();
        assertThat(routes).isNotEmpty();
        List<String> failures = new ArrayList<>();
        for (RouteData route : routes) {
            Class<? extends Component> target = route.getNavigationTarget();
            if (OPEN.contains(target)) {
                continue;
            }
            assertThat(SCREENS).as("the access matrix has a line for screen %s", target.getSimpleName()).containsKey(target);
            for (String person : PEOPLE) {
                tearDownAndSetUp();
                if (!person.equals("anonymous")) {
                    signIn(person);
                }
                UI.getCurrent().navigate(target);
                boolean reached = target.isInstance(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0));
                if (reached != SCREENS.get(target).contains(person)) {
                    failures.add(person + (reached ? " reached " : " did not reach ") + target.getSimpleName());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private void tearDownAndSetUp() {
        com.github.mvysny.kaributesting.v10.MockVaadin.tearDown();
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        setUpVaadinAgain();
    }

    @Test
    void everyApiOperationForEveryRole() throws Exception {
        JsonNode paths = json.readTree(mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs")).andReturn()
                .getResponse().getContentAsString()).get("paths");
        List<String> failures = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase();
                operations++;
                String uri = path.getKey().replace("{code}", "ngrupit").replace("{id}", "1")
                        .replace("{accountCode}", "1100");
                Set<String> allowed = method.equals("GET") ? READERS : WRITERS;
                for (String person : PEOPLE) {
                    MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(org.springframework.http.HttpMethod.valueOf(method), uri)
                            .contentType(MediaType.APPLICATION_JSON).content("{}").header("Idempotency-Key", "matrix-" + person);
                    if (!person.equals("anonymous")) {
                        request.with(httpBasic(person, "demo"));
                    }
                    int status = mvc.perform(request).andReturn().getResponse().getStatus();
                    boolean refused = status == 401 || status == 403;
                    if (refused == allowed.contains(person)) {
                        failures.add(person + " " + method + " " + uri + " → " + status);
                    }
                }
            }
        }
        assertThat(operations).as("operations in the OpenAPI document").isGreaterThanOrEqualTo(10);
        assertThat(failures).isEmpty();
    }
}
