package org.lumbung.bench;

import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.sales.NewPurchase;
import org.lumbung.sales.NewSale;
import org.lumbung.sales.NewShopProduct;
import org.lumbung.sales.Payment;
import org.lumbung.sales.PurchaseService;
import org.lumbung.sales.SaleService;
import org.lumbung.sales.ShopCatalogue;
import org.lumbung.sales.ShopProduct;
import org.lumbung.sales.StockLocation;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The shop benchmark (run: {@code ./mvnw -Pbench-shop -pl backend -am verify -DskipTests [-Dsales=500]}): on one
 * embedded PostgreSQL 17, a shop of 40 products in stock; then sales of 10 lines each, one after the other, each
 * saved end to end through {@link SaleService#sell} (products locked, priced and costed, stock checked, one
 * journal entry with its chain link, the sale, its lines and ten stock movements, committed). Goal: median and
 * 95th percentile under 50 ms. Results go to bench/results/shop-latest.md.
 */
public final class ShopSaleBenchmark {

    static final int DEFAULT_SALES = 500;
    static final int WARM_UP = 50;
    static final int PRODUCTS = 40;
    static final int LINES = 10;
    static final double GOAL_MS = 50;

    private ShopSaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path benchDir = Path.of(args.length > 0 ? args[0] : "bench").toAbsolutePath().normalize();
        int count = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_SALES;
        BenchBackend.run("shop", spring -> run(spring, benchDir, count));
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext spring, Path benchDir, int count) {
        Cooperative coop = BenchBackend.cooperative(spring);
        LocalDate today = coop.today(spring.getBean(Clock.class));
        List<ShopProduct> products = stock(spring, coop, today, count + WARM_UP);
        SaleService sales = spring.getBean(SaleService.class);
        double[] ms = new double[count];
        for (int i = -WARM_UP; i < count; i++) {
            List<NewSale.Line> lines = new ArrayList<>();
            for (int l = 0; l < LINES; l++) {
                lines.add(new NewSale.Line(products.get((i * 7 + l * 3 + WARM_UP * PRODUCTS) % PRODUCTS).id(), BigDecimal.ONE, null));
            }
            long start = System.nanoTime();
            sales.sell(coop.id(), new NewSale(null, Payment.CASH, lines, today, null, "bench-" + UUID.randomUUID()));
            if (i >= 0) {
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        try {
            write(benchDir, count, ms);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Forty products, each bought in enough for every sale. */
    private static List<ShopProduct> stock(ConfigurableApplicationContext spring, Cooperative coop, LocalDate today, int sales) {
        ShopCatalogue catalogue = spring.getBean(ShopCatalogue.class);
        spring.getBean(LedgerService.class).post(new PostingRequest(coop.id(), "bench-grant", today, "grant", "MANUAL", null,
                List.of(PostingLine.debit("1100", new BigDecimal("1000000000")), PostingLine.credit("3300", new BigDecimal("1000000000"))),
                "system"));
        List<ShopProduct> products = new ArrayList<>();
        List<NewPurchase.Line> bought = new ArrayList<>();
        for (int p = 0; p < PRODUCTS; p++) {
            ShopProduct product = catalogue.create(coop.id(), new NewShopProduct("P" + (100 + p), null, "Product " + p, "Barang " + p, "pcs",
                    "Bench", new BigDecimal("15000"), new BigDecimal("14000"), false, true, false, BigDecimal.ONE));
            products.add(product);
            bought.add(new NewPurchase.Line(product.id(), BigDecimal.valueOf((long) sales * LINES), new BigDecimal("10000")));
        }
        spring.getBean(PurchaseService.class).receive(coop.id(), new NewPurchase(null, "Grosir", StockLocation.Kind.SHOP, bought, today,
                null, "bench-purchase"));
        return products;
    }

    private static void write(Path benchDir, int count, double[] ms) throws IOException {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median = sorted[count / 2];
        double p95 = sorted[(int) Math.ceil(count * 0.95) - 1];
        String verdict = median < GOAL_MS && p95 < GOAL_MS ? "PASS" : "FALL SHORT";
        String md = """
                # Shop benchmark: a sale of %d lines saved end to end

                `./mvnw -Pbench-shop -pl backend -am verify -DskipTests` — one embedded PostgreSQL 17, %d products in stock,
                %d sales one after the other (after %d to warm up), each through `SaleService.sell`: products locked,
                priced and costed at the moving average, stock checked, one journal entry (4 lines) sealed into the chain,
                the sale, its lines and %d stock movements, committed.

                | measure | ms | goal | verdict |
                |---|---|---|---|
                | median | %.1f | < %.0f | %s |
                | 95th percentile | %.1f | < %.0f | %s |
                | slowest | %.1f | | |

                Overall: **%s**
                """.formatted(LINES, PRODUCTS, count, WARM_UP, LINES, median, GOAL_MS, median < GOAL_MS ? "PASS" : "FALL SHORT",
                p95, GOAL_MS, p95 < GOAL_MS ? "PASS" : "FALL SHORT", sorted[count - 1], verdict);
        Files.createDirectories(benchDir.resolve("results"));
        Files.writeString(benchDir.resolve("results/shop-latest.md"), md);
        System.out.print(md);
    }
}
