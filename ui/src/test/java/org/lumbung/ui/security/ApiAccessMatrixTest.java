package org.lumbung.ui.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.lumbung.ledger.LedgerAbility;
import org.lumbung.security.Ability;
import org.lumbung.security.AccessTable;
import org.lumbung.security.Role;
import org.lumbung.testsupport.AppRoleDatabaseInitializer;
import org.lumbung.ui.LumbungApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Every REST operation of the OpenAPI document, for every role and signed out, against the access table:
 * reading for the roles with READ_LEDGER, commands for those with POST_ENTRY, decisions on requests for
 * those with DECIDE_APPROVAL. A new endpoint is covered the moment it is documented.
 */
@SpringBootTest(classes = LumbungApplication.class, properties = "lumbung.test.context=api-matrix")
@AutoConfigureMockMvc
@ContextConfiguration(initializers = AppRoleDatabaseInitializer.class)
class ApiAccessMatrixTest {

    static final List<String> PEOPLE = List.of("anonymous", "treasurer", "chair", "auditor", "admin");
    static final Map<String, Role> ROLES = Map.of("treasurer", Role.TREASURER, "chair", Role.CHAIR, "auditor", Role.AUDITOR,
            "admin", Role.ADMIN);

    @Autowired
    AccessTable table;

    /** Who may call an operation: reading needs READ_LEDGER, deciding a request DECIDE_APPROVAL, any other command POST_ENTRY. */
    private Ability ability(String method, String path) {
        return method.equals("GET") ? LedgerAbility.READ_LEDGER
                : path.contains("/approvals/") ? LedgerAbility.DECIDE_APPROVAL : LedgerAbility.POST_ENTRY;
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

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
                Ability ability = ability(method, path.getKey());
                for (String person : PEOPLE) {
                    MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(org.springframework.http.HttpMethod.valueOf(method), uri)
                            .contentType(MediaType.APPLICATION_JSON).content("{}").header("Idempotency-Key", "matrix-" + person);
                    if (!person.equals("anonymous")) {
                        request.with(httpBasic(person, "demo"));
                    }
                    var response = mvc.perform(request).andReturn().getResponse();
                    int status = response.getStatus();
                    boolean refused = status == 401 || status == 403;
                    boolean allowed = ROLES.containsKey(person) && table.allows(ROLES.get(person), ability);
                    if (refused == allowed) {
                        failures.add(person + " " + method + " " + uri + " → " + status + " " + response.getContentAsString());
                    }
                }
            }
        }
        assertThat(operations).as("operations in the OpenAPI document").isGreaterThanOrEqualTo(10);
        assertThat(failures).isEmpty();
    }
}
