package org.lumbung.ui.api;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The exchange rates API (issue 12) over the real security chain, with the sample cooperative. */
class FxApiTest extends MockMvcApiTestBase {

    static final String BASE = "/api/v1/cooperatives/ngrupit/exchange-rates";
    /** A day well inside the sample's history, and two days later; THB is not among the sample's currencies. */
    static final LocalDate DAY = LocalDate.now(ZoneId.of("Asia/Jakarta")).minusDays(20);

    static MockHttpServletRequestBuilder postRates(String body) {
        return post(BASE).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static String rate(String currency, LocalDate day, String rate) {
        return """
                {"rates":[{"currency":"%s","date":"%s","rate":%s,"source":"BANK_INDONESIA"}]}""".formatted(currency, day, rate);
    }

    @Test
    void aRateIsRecordedAndServesTheFollowingDaysAndNotTheDayBefore() throws Exception {
        as("treasurer", postRates(rate("THB", DAY, "\"480.123456\""))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.rates[0].outcome").value("RECORDED"))
                .andExpect(jsonPath("$.rates[0].rate").value("480.123456"));
        as("treasurer", postRates(rate("THB", DAY, "\"480.12345600\""))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.rates[0].outcome").value("UNCHANGED"));

        as("auditor", get(BASE + "?currency=THB&on=" + DAY.plusDays(2))).andExpect(status().isOk())
                .andExpect(jsonPath("$.currency").value("THB"))
                .andExpect(jsonPath("$.on").value(DAY.plusDays(2).toString()))
                .andExpect(jsonPath("$.rateDate").value(DAY.toString()))
                .andExpect(jsonPath("$.rate").value("480.123456"))
                .andExpect(jsonPath("$.source").value("BANK_INDONESIA"))
                .andExpect(jsonPath("$.stale").value(false));
        as("auditor", get(BASE + "?currency=THB&on=" + DAY.plusDays(6))).andExpect(jsonPath("$.stale").value(true));
        as("auditor", get(BASE + "?currency=THB&on=" + DAY.minusDays(1))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("fx.rate.none"));
    }

    @Test
    void theSampleHasDailyRatesOfItsMigrantsCurrencies() throws Exception {
        for (String currency : new String[]{"MYR", "HKD", "TWD", "SAR", "SGD", "KRW", "JPY", "USD"}) {
            as("treasurer", get(BASE + "?currency=" + currency)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.stale").value(false));
        }
    }

    @Test
    void badRequestsAreProblemsAndChangeNothing() throws Exception {
        LocalDate day = DAY.minusDays(3);
        as("auditor", postRates(rate("THB", day, "\"480\""))).andExpect(status().isForbidden());
        as("treasurer", postRates(rate("THB", day, "480.5"))).andExpect(status().isBadRequest());
        as("treasurer", postRates(rate("THB", day, "\"4.8e2\""))).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("fx.rate.malformed"));
        as("treasurer", postRates(rate("THB", day, "\"480.123456789\""))).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("fx.rate.malformed"));
        as("treasurer", postRates(rate("XYZ", day, "\"1\""))).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("money.currency.unknown"));
        as("treasurer", postRates(rate("IDR", day, "\"1\""))).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("fx.currency.is-base"));
        as("treasurer", postRates("""
                {"rates":[{"currency":"THB","date":"%s","rate":"480","source":"BI","extra":1}]}""".formatted(day)))
                .andExpect(status().isBadRequest());
        as("treasurer", postRates("{\"rates\":[]}")).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("fx.rate.batch.size"));
        as("treasurer", get(BASE + "?currency=THB&on=yesterday")).andExpect(status().isBadRequest());
        as("treasurer", get(BASE + "?currency=THB&on=" + day)).andExpect(status().isNotFound());
        as("treasurer", get("/api/v1/cooperatives/nowhere/exchange-rates?currency=MYR")).andExpect(status().isNotFound());
    }

    /** Years no calendar arithmetic or PostgreSQL takes are refused as problems, never answered with a 500. */
    @Test
    void datesAtTheEdgesOfTheCalendarAreRefusedNotFailed() throws Exception {
        as("treasurer", get(BASE + "?currency=MYR&on=+6000000-01-01")).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("api.refused-by-database"));
        as("auditor", get("/api/v1/cooperatives/ngrupit/accounts/1100/statement?from=-999999999-01-01&to=2026-01-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("api.malformed"));
        as("treasurer", get("/api/v1/cooperatives/ngrupit/sales?to=-999999999-01-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("api.malformed"));
    }
}
