package org.lumbung.ui.api;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The statements API on the sample cooperative: its shape, who may read it, strict parameters. */
class ReportApiTest extends MockMvcApiTestBase {

    static final String BASE = "/api/v1/cooperatives/ngrupit";

    @Test
    void theAuditorReadsABalanceSheetThatBalancesAndAStatementOfSurplus() throws Exception {
        mvc.perform(get(BASE + "/statements/balance-sheet").param("asOf", "2026-01-31")
                        .header("Accept-Language", "id").with(httpBasic("auditor", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2026-01-31"))
                .andExpect(jsonPath("$.currency").value("IDR"))
                .andExpect(jsonPath("$.assets[0].code").value("1100"))
                .andExpect(jsonPath("$.assets[0].name").value("Kas"))
                .andExpect(jsonPath("$.assets[0].amount").isString())
                .andExpect(jsonPath("$.equity[*].code", hasItem("3500")))
                .andExpect(jsonPath("$.totals.assets").isString())
                .andExpect(jsonPath("$.totals.liabilities").isString())
                .andExpect(jsonPath("$.totals.equity").isString());
        mvc.perform(get(BASE + "/statements/income").param("from", "2026-01-01").param("to", "2026-11-30")
                        .with(httpBasic("treasurer", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2026-01-01"))
                .andExpect(jsonPath("$.expenses[*].code", hasItem("5200")))
                .andExpect(jsonPath("$.totals.surplus").isString());
    }

    @Test
    void everyBadParameterIsA400NamingIt() throws Exception {
        expectBadParameter(get(BASE + "/statements/balance-sheet").param("asOf", "2026-02-30"), "asOf", "reports.parameter.not-date");
        expectBadParameter(get(BASE + "/statements/balance-sheet").param("asof", "2026-01-01"), "asof", "reports.parameter.unknown");
        expectBadParameter(get(BASE + "/statements/balance-sheet").param("asOf", "2026-01-01", "2026-01-02"), "asOf",
                "reports.parameter.repeated");
        expectBadParameter(get(BASE + "/statements/income").param("currency", "idr"), "currency", "reports.parameter.not-currency");
        mvc.perform(get(BASE + "/statements/income").param("from", "2026-02-01").param("to", "2026-01-01")
                        .with(httpBasic("treasurer", "demo")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("reports.period.invalid"));
        mvc.perform(get(BASE + "/statements/balance-sheet").param("currency", "USD").with(httpBasic("treasurer", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("reports.currency.unknown"));
    }

    @Test
    void theStatementsOfAPeriodDocumentItsFromToAndCurrency() throws Exception {
        for (String statement : java.util.List.of("income", "cash-flow", "equity-changes")) {
            mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.paths['/api/v1/cooperatives/{code}/statements/" + statement + "'].get.parameters[*].name",
                            hasItems("from", "to", "currency")));
        }
    }

    @Test
    void theShuDistributionOfAYearWithItsPoolsAndMembersShares() throws Exception {
        int lastYear = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")).getYear() - 1;
        mvc.perform(get(BASE + "/shu-distribution").param("year", Integer.toString(lastYear)).with(httpBasic("auditor", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(lastYear))
                .andExpect(jsonPath("$.surplus").isString())
                .andExpect(jsonPath("$.pools.reserve").isString())
                .andExpect(jsonPath("$.pools.areaDevelopment").isString())
                .andExpect(jsonPath("$.memberShares[0].memberNumber").isNumber())
                .andExpect(jsonPath("$.memberShares[0].jasaModal").isString())
                .andExpect(jsonPath("$.totals.jasaUsaha").isString());
        expectBadParameter(get(BASE + "/shu-distribution"), "year", "reports.parameter.missing");
        expectBadParameter(get(BASE + "/shu-distribution").param("year", "25"), "year", "reports.parameter.not-year");
    }

    @Test
    void theHledgerJournalIsPlainText() throws Exception {
        mvc.perform(get(BASE + "/journal.hledger").with(httpBasic("auditor", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("account assets:1-aset:1100-kas\n")));
    }

    @Test
    void aMemberAndAnotherCooperativeGetNothing() throws Exception {
        mvc.perform(get("/api/v1/cooperatives/no-such-coop/statements/balance-sheet").with(httpBasic("auditor", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get(BASE + "/statements/balance-sheet").with(httpBasic("ngrupit-1", "135790")))
                .andExpect(status().is4xxClientError());
    }

    private void expectBadParameter(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                                    String parameter, String code) throws Exception {
        mvc.perform(request.with(httpBasic("treasurer", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.parameter").value(parameter))
                .andExpect(jsonPath("$.code").value(code));
    }
}
