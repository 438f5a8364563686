package org.lumbung.sampledata;

import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.members.MemberService;
import org.lumbung.sales.ProductionService;
import org.lumbung.sales.PurchaseService;
import org.lumbung.sales.SaleReturns;
import org.lumbung.sales.SaleService;
import org.lumbung.sales.ShopCatalogue;
import org.lumbung.sales.ShopCredit;
import org.lumbung.sales.ShopLimits;
import org.lumbung.sales.StockService;
import org.springframework.stereotype.Component;

/** A year of the cooperative's shop ({@link ShopHistory}), on the sample's timeline after the savings. */
@Component
class ShopSample implements SampleDataContributor {

    private final ShopHistory.Services services;

    ShopSample(ShopCatalogue catalogue, SaleService sales, SaleReturns returns, PurchaseService purchases, StockService stock,
               ProductionService production, ShopCredit credit, ShopLimits limits, MemberService members, ChartOfAccounts chart) {
        this.services = new ShopHistory.Services(catalogue, sales, returns, purchases, stock, production, credit, limits, members,
                chart);
    }

    @Override
    public int getOrder() {
        return 600;
    }

    @Override
    public void contribute(SampleData sample) {
        new ShopHistory(sample, services, sample.json().get("history").get("seed").asLong() + 14)
                .plan(sample.shared(MemberSample.Registered.class).members());
    }
}
