package org.lumbung.ui.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.lumbung.ledger.LedgerAbility;
import org.lumbung.loans.LoanAbility;
import org.lumbung.ui.api.LoanApiFixture;
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
import org.springframework.mock.web.MockHttpServletResponse;
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
 * those with DECIDE_APPROVAL, and the loans' operations by their own abilities (see {@link #ability}). A new
 * endpoint is covered the moment it is documented.
 */
@SpringBootTest(classes = LumbungApplication.class, properties = "lumbung.test.context=api-matrix")
@AutoConfigureMockMvc
@ContextConfiguration(initializers = AppRoleDatabaseInitializer.class)
class ApiAccessMatrixTest {

    static final List<String> PEOPLE = List.of("anonymous", "treasurer", "chair", "auditor", "federation", "admin");
    static final Map<String, Role> ROLES = Map.of("treasurer", Role.TREASURER, "chair", Role.CHAIR, "auditor", Role.AUDITOR,
            "federation", Role.FEDERATION, "admin", Role.ADMIN);

    @Autowired
    AccessTable table;

    /** Query strings an operation needs to be answered at all (a preview without terms is a 400 by design). */
    static final Map<String, String> QUERIES = Map.of("/api/v1/loan-schedule-preview",
            "?principal=1000000&currency=IDR&interestMethod=FLAT&rate=1.5&ratePeriod=MONTH&instalments=12"
                    + "&frequency=MONTHLY&firstDueDate=2026-02-15",
            "/api/v1/cooperatives/{code}/exchange-rates", "?currency=MYR",
            "/api/v1/cooperatives/{code}/shu-distribution", "?year=" + java.time.Year.now().minusYears(1),
            "/api/v1/cooperatives/{code}/audit-pack", "?from=2026-01-01&to=2026-01-31",
            "/api/v1/cooperatives/{code}/outcomes", "?from=2026-01-01&to=2026-06-30",
            "/api/v1/outcomes", "?from=2026-01-01&to=2026-06-30",
            "/api/v1/cooperatives/{code}/loans/portfolio/trend", "?from=2026-01-01&to=2026-06-30");

    /**
     * Who may call an operation. The features' own first: exchange rates, remittances, the shop, the audit pack and
     * the outcomes by their reading and recording abilities. The ledger's: reading needs READ_LEDGER, deciding a
     * request DECIDE_APPROVAL, any other command POST_ENTRY. The loans': reading READ_LOANS, products MANAGE_LOAN_PRODUCTS, decisions
     * APPROVE_LOAN, disbursement DISBURSE_LOAN, repayments, payoffs and recoveries RECORD_REPAYMENT, carrying out
     * or refusing a write-off WRITE_OFF_LOAN, applications, write-off requests and reschedulings APPLY_LOAN.
     */
    private static Ability ability(String method, String path) {
        if (path.contains("/loan")) {
            return loanAbility(method, path);
        }
        boolean get = method.equals("GET");
        Ability own = ownAbility(get, path);
        if (own != null) {
            return own;
        }
        if (path.contains("/savings-accounts")) {
            return get ? org.lumbung.savings.SavingsAbility.READ_SAVINGS : org.lumbung.savings.SavingsAbility.RECORD_SAVINGS;
        }
        if (path.contains("/members")) {
            return get ? org.lumbung.members.MemberAbility.READ_MEMBERS : org.lumbung.members.MemberAbility.REGISTER_MEMBERS;
        }
        return get ? LedgerAbility.READ_LEDGER
                : path.contains("/approvals/") ? LedgerAbility.DECIDE_APPROVAL : LedgerAbility.POST_ENTRY;
    }

    /** The operations of features whose reading is not the ledger's; null for the others. */
    private static Ability ownAbility(boolean get, String path) {
        if (path.contains("/exchange-rates")) {
            return get ? org.lumbung.fx.FxAbility.READ_RATES : org.lumbung.fx.FxAbility.RECORD_RATES;
        }
        if (path.contains("/remittances")) {
            return get ? org.lumbung.remittance.RemittanceAbility.VIEW_REMITTANCES
                    : org.lumbung.remittance.RemittanceAbility.RECORD_REMITTANCE;
        }
        if (path.endsWith("/products") || path.endsWith("/sales") || path.endsWith("/stock") || path.contains("/shop-reports/")) {
            return get ? org.lumbung.sales.SalesAbility.READ_SHOP : org.lumbung.sales.SalesAbility.SELL;
        }
        if (path.endsWith("/audit-pack")) {
            return org.lumbung.auditpack.AuditPackAbility.MAKE_AUDIT_PACK;
        }
        return path.endsWith("/outcomes") ? org.lumbung.district.OutcomesAbility.READ_OUTCOMES : null;
    }

    private static Ability loanAbility(String method, String path) {
        if (method.equals("GET")) {
            return LoanAbility.READ_LOANS;
        }
        if (path.contains("/loan-products")) {
            return LoanAbility.MANAGE_LOAN_PRODUCTS;
        }
        if (path.endsWith("/approval") || path.endsWith("/rejection")) {
            return LoanAbility.APPROVE_LOAN;
        }
        if (path.endsWith("/disbursement")) {
            return LoanAbility.DISBURSE_LOAN;
        }
        if (path.endsWith("/write-off") || method.equals("DELETE") && path.endsWith("/write-off-request")) {
            return LoanAbility.WRITE_OFF_LOAN;
        }
        return path.endsWith("/repayments") || path.endsWith("/payoff") || path.endsWith("/recoveries")
                ? LoanAbility.RECORD_REPAYMENT : LoanAbility.APPLY_LOAN;
    }

    @Autowired
    org.lumbung.savings.SavingsService savings;

    /** Member 1's voluntary account, whose number the savings operations name. */
    private String voluntaryAccountOfMemberOne() {
        return org.lumbung.security.SystemActor.run(() -> {
            long coop = cooperatives.byCode("ngrupit").id();
            return savings.accounts(coop, members.byNumber(coop, 1).orElseThrow().id()).stream().filter(a -> a.kind() == org.lumbung.savings.SavingsKind.VOLUNTARY)
                    .findFirst().orElseThrow().number();
        });
    }

    private boolean allowed(String person, Ability ability) {
        return ROLES.containsKey(person) && table.allows(ROLES.get(person), ability);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    org.lumbung.members.MemberService members;
    @Autowired
    org.lumbung.cooperative.CooperativeService cooperatives;
    @Autowired
    ObjectMapper json;
    @Autowired
    org.lumbung.loans.closing.CloseOfBusiness close;

    private void closeBusinessDay() {
        org.lumbung.security.SystemActor.run(() -> {
            long coop = cooperatives.byCode("ngrupit").id();
            var status = close.status(coop);
            return status.businessDate().isAfter(status.today()) ? null : close.close(coop, status.businessDate());
        });
    }

    /** This context's security-context strategy, made the JVM-wide one again before each test (see KaribuTest). */
    @Autowired
    org.springframework.security.core.context.SecurityContextHolderStrategy securityContextHolderStrategy;

    @org.junit.jupiter.api.BeforeEach
    void useThisContextsSecurityHolder() {
        org.springframework.security.core.context.SecurityContextHolder.setContextHolderStrategy(securityContextHolderStrategy);
    }

    /**
     * Every operation with real ids (an entry and a pending reversal request made here), so that "allowed" can
     * mean what it says: a 2xx, or a refusal of the domain about the content (409, 422: the body "{}" lacks
     * what a command needs, an approval is already decided) — never a 404, a 400 or a 5xx. "Refused" is a 401
     * problem signed out and a 403 problem signed in.
     */
    @Test
    void everyApiOperationForEveryRole() throws Exception {
        JsonNode paths = json.readTree(mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs")).andReturn()
                .getResponse().getContentAsString()).get("paths");
        long entry = postEntry();
        long approval = askForReversal(entry);
        String account = voluntaryAccountOfMemberOne();
        LoanApiFixture.Ids loan = new LoanApiFixture(mvc, json, members, cooperatives).applied("matrix");
        closeBusinessDay(); // the portfolio snapshot of the last closed business date exists
        List<String> failures = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase();
                operations++;
                boolean approvals = path.getKey().contains("/approvals/");
                String uri = path.getKey().replace("{code}", "ngrupit").replace("{id}", Long.toString(approvals ? approval : entry))
                        .replace("{accountCode}", "1100").replace("{memberNumber}", "1").replace("{accountNumber}", account).replace("{productId}", Long.toString(loan.productId()))
                        .replace("{loanId}", Long.toString(loan.loanId())).replace("{memberId}", Long.toString(loan.memberId()))
                        + QUERIES.getOrDefault(path.getKey(), "");
                Ability ability = ability(method, path.getKey());
                for (String person : PEOPLE) {
                    MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(org.springframework.http.HttpMethod.valueOf(method), uri)
                            .contentType(MediaType.APPLICATION_JSON).content("{}").header("Idempotency-Key", "matrix-" + person);
                    if (!person.equals("anonymous")) {
                        request.with(httpBasic(person, "demo"));
                    }
                    var response = mvc.perform(request).andReturn().getResponse();
                    String outcome = allowed(person, ability) ? allowedOutcome(response) : refusedOutcome(person, response);
                    if (outcome != null) {
                        failures.add(person + " " + method + " " + uri + " → " + response.getStatus() + " (" + outcome + ") "
                                + response.getContentAsString());
                    }
                }
            }
        }
        assertThat(operations).as("operations in the OpenAPI document").isGreaterThanOrEqualTo(10);
        assertThat(failures).isEmpty();
    }

    /** Null when the answer shows the person was let in: done, or refused for the content only. */
    private String allowedOutcome(MockHttpServletResponse response) throws Exception {
        int status = response.getStatus();
        if (status >= 200 && status < 300) {
            return null;
        }
        if (status != 409 && status != 422) {
            return "neither done nor a refusal of the content";
        }
        String code = json.readTree(response.getContentAsString()).path("code").asText();
        return code.isEmpty() || code.startsWith("access.") ? "refused for access: " + code : null;
    }

    /** Null when the answer is the refusal the person should get, as a problem. */
    private String refusedOutcome(String person, MockHttpServletResponse response) throws Exception {
        int expected = person.equals("anonymous") ? 401 : 403;
        if (response.getStatus() != expected) {
            return "expected " + expected;
        }
        String contentType = response.getContentType();
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return "not a problem";
        }
        return json.readTree(response.getContentAsString()).path("code").asText().startsWith("access.") ? null : "no access code";
    }

    private long postEntry() throws Exception {
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")).toString();
        String body = mvc.perform(MockMvcRequestBuilders.post("/api/v1/cooperatives/ngrupit/journal-entries")
                .with(httpBasic("treasurer", "demo")).header("Idempotency-Key", "matrix-fixture-entry")
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"valueDate":"%s","description":"Matrix","lines":[
                          {"account":"1100","side":"DEBIT","amount":"1000.00"},{"account":"2100","side":"CREDIT","amount":"1000.00"}]}
                        """.formatted(today))).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asLong();
    }

    private long askForReversal(long entry) throws Exception {
        String body = mvc.perform(MockMvcRequestBuilders.post("/api/v1/cooperatives/ngrupit/journal-entries/" + entry + "/reversal")
                .with(httpBasic("treasurer", "demo")).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"matrix\"}"))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asLong();
    }
}
