package org.lumbung.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop over the integration API, over HTTP against the running application with the sample's shop: the
 * catalogue, a sale with an idempotency key answered with its receipt and journal entry, the sales of a period with
 * their count, the stock valuation equal to the inventory account; hostile bodies get a 4xx problem and book nothing.
 */
class ShopApiTest extends HttpApiTestBase {

    @Test
    void aTillSellsAndReadsItsSalesAndTheStock() throws Exception {
        JsonNode products = answer(send("GET", "/products", null, null), 200);
        assertThat(products.size()).isGreaterThanOrEqualTo(8);
        String sale = """
                {"memberNumber":1,"payment":"CASH","lines":[{"product":"KRP-TEMPE","quantity":"1"},{"product":"8997001000066","quantity":"1","discount":"500"}]}""";
        JsonNode sold = answer(send("POST", "/sales", "till-2026-0001", sale), 201);
        assertThat(sold.get("receiptNumber").asText()).startsWith("PJ-");
        assertThat(sold.get("journalEntrySequence").asLong()).isPositive();
        // member prices: 14,000 + 16,500 − 500
        assertThat(new BigDecimal(sold.get("total").asText())).isEqualByComparingTo("30000");
        JsonNode again = answer(send("POST", "/sales", "till-2026-0001", sale), 200);
        assertThat(again.get("receiptNumber")).isEqualTo(sold.get("receiptNumber"));
        assertThat(send("POST", "/sales", "till-2026-0001", sale.replace("\"quantity\":\"1\"}", "\"quantity\":\"2\"}")).status())
                .as("the key with other content").isEqualTo(409);
        assertThat(send("POST", "/sales", "till-2026-0002", sale.replace("KRP-TEMPE\",\"quantity\":\"1", "KRP-TEMPE\",\"quantity\":\"999999"))
                .status()).as("more than the shop holds").isEqualTo(422);

        JsonNode page = answer(send("GET", "/sales?limit=5", null, null), 200);
        assertThat(page.get("total").asInt()).isGreaterThan(5);
        assertThat(page.get("sales")).hasSize(5);
        JsonNode stock = answer(send("GET", "/stock", null, null), 200);
        assertThat(new BigDecimal(stock.get("total").asText())).isPositive()
                .isEqualByComparingTo(new BigDecimal(stock.get("inventoryAccount").asText()));
    }

    @Test
    void hostileSalesAreRefusedWithAProblemAndBookNothing() throws Exception {
        String stock = send("GET", "/stock", null, null).body();
        List<String> bodies = new ArrayList<>();
        for (String quantity : new String[]{"1e3", "\"1e3\"", "\"-1\"", "\"0\"", "\"1e2147483600\"", "\"0.0001\"", "null", "\"\"",
                "\"99999999999999999999999\"", "[]"}) {
            bodies.add("{\"lines\":[{\"product\":\"KRP-TEMPE\",\"quantity\":" + quantity + "}]}");
        }
        bodies.addAll(List.of("", "{", "[]", "null", "{}", "{\"lines\":[]}", "{\"lines\":[null]}",
                "{\"lines\":[{\"product\":\"NOPE\",\"quantity\":\"1\"}]}",
                "{\"lines\":[{\"product\":\"KRP-TEMPE\",\"quantity\":\"1\"}],\"payment\":\"CREDIT\"}",
                "{\"lines\":[{\"product\":\"KRP-TEMPE\",\"quantity\":\"1\"}],\"payment\":\"GOLD\"}",
                "{\"lines\":[{\"product\":\"KRP-TEMPE\",\"quantity\":\"1\"}],\"extra\":1}",
                "{\"lines\":[{\"product\":\"KRP-TEMPE\",\"quantity\":\"1\",\"discount\":\"10000\"}]}",
                "{\"lines\":[{\"product\":\"KRP-TEMPE\",\"quantity\":\"1\"}],\"memberNumber\":99999}",
                "{\"lines\":[{\"product\":\"KRP-TEMPE\",\"quantity\":\"1\"}],\"valueDate\":\"2999-01-01\"}",
                "{\"lines\":[{\"product\":\"" + "K".repeat(5000) + "\",\"quantity\":\"1\"}]}"));
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (String body : bodies) {
            RawHttp.Answer answer = send("POST", "/sales", "hostile-shop-" + (n++), body);
            boolean problem = answer.status() >= 400 && answer.status() < 500 && answer.bodyBytes() < 2_000
                    && String.valueOf(answer.header("content-type")).startsWith("application/problem+json")
                    && json.readTree(answer.body()).hasNonNull("code");
            if (!problem) {
                failures.add(body.substring(0, Math.min(80, body.length())) + " → " + answer.status() + " "
                        + answer.body().substring(0, Math.min(200, answer.body().length())));
            }
        }
        assertThat(failures).isEmpty();
        assertThat(send("GET", "/stock", null, null).body()).as("nothing booked").isEqualTo(stock);
        assertThat(send("GET", "/sales?from=2026-01-01&to=2025-01-01", null, null).status()).isEqualTo(422);
    }
}
