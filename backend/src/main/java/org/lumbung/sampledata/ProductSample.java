package org.lumbung.sampledata;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.savings.InterestMethod;
import org.lumbung.savings.InterestPosting;
import org.lumbung.savings.NewSavingsProduct;
import org.lumbung.savings.SavingsKind;
import org.lumbung.savings.SavingsProduct;
import org.lumbung.savings.SavingsProducts;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The savings products of {@code cooperative.json}, before the members register: a new member gets an
 * account of every share, mandatory and voluntary product at once.
 */
@Component
class ProductSample implements SampleDataContributor {

    /** The products created, for the contributors after this one. */
    record Created(List<SavingsProduct> products) {
    }

    private final SavingsProducts products;
    private final ChartOfAccounts chart;

    ProductSample(SavingsProducts products, ChartOfAccounts chart) {
        this.products = products;
        this.chart = chart;
    }

    @Override
    public int getOrder() {
        return 150;
    }

    @Override
    public void contribute(SampleData sample) {
        long cooperativeId = sample.cooperative().id();
        List<SavingsProduct> created = new ArrayList<>();
        for (JsonNode p : sample.json().get("products")) {
            created.add(products.create(cooperativeId, product(cooperativeId, p, sample.cooperative().baseCurrency())));
        }
        sample.share(Created.class, new Created(List.copyOf(created)));
    }

    /** A product on the control account its kind has in the cooperative's chart. */
    private NewSavingsProduct product(long cooperativeId, JsonNode p, String currency) {
        SavingsKind kind = SavingsKind.valueOf(p.get("kind").asText());
        return new NewSavingsProduct(p.get("code").asText(), p.get("nameEn").asText(), p.get("nameId").asText(),
                kind, currency, chart.code(cooperativeId, kind.controlAccount()),
                decimal(p, "fixedAmount"), decimal(p, "mandatoryAmount"), decimal(p, "minimumBalance"),
                p.hasNonNull("interestRate") ? new BigDecimal(p.get("interestRate").asText()) : BigDecimal.ZERO,
                InterestMethod.valueOf(p.hasNonNull("interestMethod") ? p.get("interestMethod").asText() : "NONE"),
                InterestPosting.valueOf(p.hasNonNull("interestPosting") ? p.get("interestPosting").asText() : "MONTHLY"),
                p.hasNonNull("termMonths") ? p.get("termMonths").asInt() : null, decimal(p, "earlyPenaltyRate"));
    }

    private static @Nullable BigDecimal decimal(JsonNode node, String field) {
        return node.hasNonNull(field) ? new BigDecimal(node.get(field).asText()) : null;
    }
}
