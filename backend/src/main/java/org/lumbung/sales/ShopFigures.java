package org.lumbung.sales;

import org.lumbung.cooperative.Cooperative;
import org.lumbung.reports.DashboardFigure;
import org.lumbung.reports.DashboardFigure.Value;
import org.lumbung.reports.DashboardFigureContributor;
import org.lumbung.security.AccessTable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The dashboard's shop card, among what the treasurer acts on today: how many products are at or below their
 * reorder level, naming the first few, linked to the stock screen.
 */
@Component
@Order(600)
class ShopFigures implements DashboardFigureContributor {

    /** The codes named on the card; the stock screen lists them all. */
    static final int NAMED = 3;

    private final StockService stock;
    private final AccessTable access;

    ShopFigures(StockService stock, AccessTable access) {
        this.stock = stock;
        this.access = access;
    }

    @Override
    public List<DashboardFigure> figures(Cooperative c, LocalDate today) {
        if (!access.may(SalesAbility.READ_SHOP.name())) {
            return List.of();
        }
        List<StockLevel> low = stock.lowStock(c.id());
        String named = low.stream().limit(NAMED).map(l -> l.product().code()).collect(Collectors.joining(", "))
                + (low.size() > NAMED ? ", …" : "");
        DashboardFigure card = DashboardFigure.of("figure-shop-low-stock", 230, "shop.figure.low-stock", Value.count(low.size()))
                .link("shop/stock");
        return List.of(low.isEmpty() ? card.note("shop.figure.low-stock.none") : card.note("shop.figure.low-stock.note", Value.plain(named)));
    }
}
