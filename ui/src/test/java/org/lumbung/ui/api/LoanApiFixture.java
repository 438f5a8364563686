package org.lumbung.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.members.MemberService;
import org.lumbung.security.SystemActor;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** A loan product made by the sample cooperative's chair and a loan applied for by its treasurer, through the API. */
public final class LoanApiFixture {

    public static final String BASE = "/api/v1/cooperatives/ngrupit";
    static final String TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();
    static final String NEXT_MONTH = LocalDate.now(ZoneId.of("Asia/Jakarta")).plusMonths(1).toString();

    private final MockMvc mvc;
    private final ObjectMapper json;
    private final MemberService members;
    private final CooperativeService cooperatives;

    public LoanApiFixture(MockMvc mvc, ObjectMapper json, MemberService members, CooperativeService cooperatives) {
        this.mvc = mvc;
        this.json = json;
        this.members = members;
        this.cooperatives = cooperatives;
    }

    public record Ids(long productId, long loanId, long memberId) {
    }

    static String product(String code) {
        return """
                {"code":"%s","nameEn":"Stall loan","nameId":"Pinjaman warung","currency":"IDR","interestMethod":"FLAT",
                 "interestRate":"1.5","ratePeriod":"MONTH","frequency":"MONTHLY","minInstalments":1,"maxInstalments":24,
                 "minAmount":"100000","maxAmount":"5000000","dayCount":"THIRTY_360","instalmentRounding":"100",
                 "fee":{"kind":"PERCENT","value":"1","timing":"DEDUCTED_AT_DISBURSEMENT"},"maxActiveLoans":20}
                """.formatted(code);
    }

    static String application(long memberId, long productId, String amount) {
        return """
                {"memberId":%d,"productId":%d,"amount":"%s","instalments":10,"firstDueDate":"%s",
                 "purposeCategory":"TRADE","purpose":"Warung sayur","loanOfficer":"treasurer","guarantorIds":[],"collateralNotes":null}
                """.formatted(memberId, productId, amount, NEXT_MONTH);
    }

    /** A product (code from {@code tag}) and one application of 1,000,000 by the sample's first member. */
    public Ids applied(String tag) throws Exception {
        String code = ("API-" + tag).toUpperCase().substring(0, Math.min(16, 4 + tag.length()));
        JsonNode p = json.readTree(mvc.perform(post(BASE + "/loan-products").with(httpBasic("chair", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(product(code))).andReturn().getResponse().getContentAsString());
        long member = firstMember();
        JsonNode loan = json.readTree(mvc.perform(post(BASE + "/loans").with(httpBasic("treasurer", "demo"))
                .header("Idempotency-Key", "fixture-" + tag).contentType(MediaType.APPLICATION_JSON)
                .content(application(member, p.get("id").asLong(), "1000000"))).andReturn().getResponse().getContentAsString());
        return new Ids(p.get("id").asLong(), loan.path("loan").path("id").asLong(), member);
    }

    /** The sample cooperative's member number 1. */
    private long firstMember() {
        return SystemActor.run(() -> members.byNumber(cooperatives.byCode("ngrupit").id(), 1).orElseThrow().id());
    }
}
