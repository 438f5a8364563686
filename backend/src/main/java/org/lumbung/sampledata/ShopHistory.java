package org.lumbung.sampledata;

import org.jspecify.annotations.Nullable;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.LedgerAccountRole;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.members.MemberStatus;
import org.lumbung.sales.NewProduction;
import org.lumbung.sales.NewPurchase;
import org.lumbung.sales.NewReturn;
import org.lumbung.sales.NewSale;
import org.lumbung.sales.NewShopProduct;
import org.lumbung.sales.PayablePayment;
import org.lumbung.sales.Payment;
import org.lumbung.sales.ProductionService;
import org.lumbung.sales.Purchase;
import org.lumbung.sales.PurchaseService;
import org.lumbung.sales.Sale;
import org.lumbung.sales.SaleReturns;
import org.lumbung.sales.SaleService;
import org.lumbung.sales.ShopCatalogue;
import org.lumbung.sales.ShopCredit;
import org.lumbung.sales.ShopLimits;
import org.lumbung.sales.ShopProduct;
import org.lumbung.sales.StockLocation;
import org.lumbung.sales.StockService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;

/**
 * A year of the sample shop, generated from a fixed seed and booked through the shop's services in date order:
 * stock bought every fourth Monday (members' keripik, sambal, krupuk, eggs and cassava, paid into their savings a
 * week later; traders' rice, fertilizer and daily goods, paid in cash when the cash box holds it; fertilizer
 * received into the warehouse and moved to the shop), then a batch of keripik singkong made from the members'
 * cassava and the shop's cooking oil, one or two sales a day at the counter (at least 500 in the year; members at
 * the member price, some on credit repaid on the first of the month), a return now and then, spoiled krupuk once
 * and a stock count with a difference three weeks before the last day. Each event reads the stock as it stands
 * when it is booked, so the sample never sells what the shop does not hold. Savings are never spent at the shop
 * here: the savings history plans its withdrawals on balances it computes itself.
 *
 * <p>Why every fourth Monday and not weekly: each purchase and payment is a journal entry booked on the first
 * start; buying a month's goods at once keeps the year's shop under a thousand entries with the same sales.
 */
final class ShopHistory {

    private static final Logger LOG = LoggerFactory.getLogger(ShopHistory.class);
    private static final int PURCHASES = 4;
    private static final int TRANSFERS = 5;
    private static final int PRODUCTION = 5;
    private static final int SALES = 6;
    private static final int PAYMENTS = 7;
    private static final int COUNTS = 8;
    private static final int CREDIT_CUSTOMERS = 6;
    private static final int RESTOCK_WEEKS = 4;
    /** What a batch costs besides its inputs, paid in cash: gas for the fryer and the members' wages. */
    private static final List<NewProduction.Cost> BATCH_COSTS = List.of(new NewProduction.Cost("gas elpiji", new BigDecimal("22000")),
            new NewProduction.Cost("upah goreng dan kemas", new BigDecimal("40000")));
    private static final BigDecimal CASH_RESERVE = new BigDecimal("500000");

    record Services(ShopCatalogue catalogue, SaleService sales, SaleReturns returns, PurchaseService purchases,
                    StockService stock, ProductionService production, ShopCredit credit, ShopLimits limits, MemberService members,
                    ChartOfAccounts chart) {
    }

    /** A row of shop-products.csv: the product once created, its cost, supplier, weekly sales and whether it is sold. */
    private record Good(ShopProduct product, BigDecimal unitCost, String supplier, int weekly, boolean sold) {
        boolean fromMembers() {
            return "MEMBER".equals(supplier);
        }

        boolean made() {
            return "MADE".equals(supplier);
        }
    }

    private final SampleData sample;
    private final Services s;
    private final long c;
    private final Random random;
    private final List<Good> goods = new ArrayList<>();
    private final Map<Integer, Sale> sold = new HashMap<>();
    private int keys;
    private int sales;
    /** Per kind of event (its order on the day): how many were booked and the nanoseconds they took. */
    private final Map<Integer, long[]> spent = new TreeMap<>();

    ShopHistory(SampleData sample, Services services, long seed) {
        this.sample = sample;
        this.s = services;
        this.c = sample.cooperative().id();
        this.random = new Random(seed);
    }

    void plan(List<Member> registered) {
        LocalDate today = sample.today();
        LocalDate opened = today.minusYears(1).with(DayOfWeek.MONDAY);
        List<Member> customers = registered.stream().filter(m -> m.status() == MemberStatus.ACTIVE && m.joinedOn().isBefore(opened)).toList();
        List<Member> producers = customers.subList(0, Math.min(6, customers.size()));
        createGoods();
        for (LocalDate monday = opened; !monday.isAfter(today); monday = monday.plusWeeks(RESTOCK_WEEKS)) {
            restock(monday, producers, monday.equals(opened));
            LocalDate on = monday;
            String key = key("production");
            on(on, PRODUCTION, () -> produce(on, key));
        }
        for (LocalDate day = opened; !day.isAfter(today); day = day.plusDays(1)) {
            int count = day.toEpochDay() % 5 < 2 ? 2 : 1;           // 1.4 a day: at least 500 in the year
            for (int i = 0; i < count; i++) {
                planSale(day, customers);
            }
            if (day.getDayOfMonth() == 1) {
                List<Member> creditors = customers.subList(0, Math.min(CREDIT_CUSTOMERS, customers.size()));
                LocalDate on = day;
                on(on, PURCHASES, () -> creditors.forEach(m -> repayCredit(m, on)));
            }
        }
        LocalDate spoiled = opened.plusMonths(5);
        on(spoiled, COUNTS, () -> spoil(byCode("KRUPUK"), spoiled));
        LocalDate counted = today.minusWeeks(3);
        on(counted, COUNTS, () -> count(counted));
        sample.afterwards(this::logTimes);
    }

    private void createGoods() {
        for (String[] g : SampleData.csv("shop-products.csv")) {
            boolean sold = "yes".equals(g[12]);
            ShopProduct p = s.catalogue().create(c, new NewShopProduct(g[0], g[1].isEmpty() ? null : g[1], g[2], g[3], g[4], g[5],
                    new BigDecimal(g[6]), new BigDecimal(g[7]), false, sold, false, new BigDecimal(g[8])));
            goods.add(new Good(p, new BigDecimal(g[9]), g[10], Integer.parseInt(g[11]), sold));
        }
        Map<String, List<NewProduction.Input>> recipes = new LinkedHashMap<>();
        Map<String, BigDecimal> batches = new HashMap<>();
        for (String[] r : SampleData.csv("shop-recipes.csv")) {
            batches.put(r[0], new BigDecimal(r[1]));
            recipes.computeIfAbsent(r[0], k -> new ArrayList<>()).add(new NewProduction.Input(byCode(r[2]).product().id(),
                    new BigDecimal(r[3])));
        }
        recipes.forEach((code, inputs) -> s.production().setRecipe(c, byCode(code).product().id(),
                Objects.requireNonNull(batches.get(code)), inputs));
    }

    // --- purchases -------------------------------------------------------------------------------

    /**
     * Every fourth Monday about what sells in four weeks (twice the weekly figure: a sale has two lines of one or two
     * units, 1.4 sales a day, spread over all the goods), three times the weekly figure on the first: each member's
     * product from one of the producers in turn, each trader's goods in one purchase; what the cooperative makes is
     * not bought.
     */
    private void restock(LocalDate monday, List<Member> producers, boolean first) {
        Map<String, List<NewPurchase.Line>> byTrader = new LinkedHashMap<>();
        int turn = (int) (monday.toEpochDay() / 7);
        for (Good g : goods) {
            if (g.made()) {
                continue;
            }
            NewPurchase.Line line = new NewPurchase.Line(g.product().id(), BigDecimal.valueOf((first ? 3L : 2L) * g.weekly()),
                    g.unitCost());
            if (g.fromMembers() && !producers.isEmpty()) {
                Member producer = producers.get(turn++ % producers.size());
                buyFromMember(monday, producer, line);
            } else {
                byTrader.computeIfAbsent(g.supplier(), k -> new ArrayList<>()).add(line);
            }
        }
        byTrader.forEach((trader, lines) -> buyFromTrader(monday, trader, lines));
    }

    private void buyFromMember(LocalDate day, Member producer, NewPurchase.Line line) {
        String key = key("purchase");
        Purchase[] bought = new Purchase[1];
        on(day, PURCHASES, () -> bought[0] = s.purchases().receive(c, active(producer)
                ? new NewPurchase(producer.id(), null, StockLocation.Kind.SHOP, List.of(line), day, null, key)
                : new NewPurchase(null, producer.fullName(), StockLocation.Kind.SHOP, List.of(line), day, null, key)));
        LocalDate paidOn = day.plusWeeks(1);
        if (!paidOn.isAfter(sample.today())) {
            String payKey = key("pay");
            on(paidOn, PAYMENTS, () -> payProducer(bought[0], producer, paidOn, payKey));
        }
    }

    /** Into her voluntary savings while she is an active member; in cash otherwise. */
    private void payProducer(Purchase p, Member producer, LocalDate day, String key) {
        boolean intoSavings = p.supplierMemberId() != null && active(producer);
        s.purchases().pay(c, new PayablePayment(p.id(), p.outstanding(), intoSavings ? PayablePayment.Channel.SAVINGS
                : PayablePayment.Channel.CASH, day, key));
    }

    /** Rice and daily goods into the shop, fertilizer into the warehouse and then to the shop; paid from the cash box. */
    private void buyFromTrader(LocalDate day, String trader, List<NewPurchase.Line> lines) {
        boolean fertilizer = lines.stream().anyMatch(l -> l.productId() == byCode("PUPUK-UREA").product().id());
        String key = key("purchase");
        String payKey = key("pay");
        on(day, PURCHASES, () -> {
            Purchase p = s.purchases().receive(c, new NewPurchase(null, trader, fertilizer ? StockLocation.Kind.WAREHOUSE
                    : StockLocation.Kind.SHOP, lines, day, null, key));
            BigDecimal cash = s.chart().account(c, s.chart().code(c, LedgerAccountRole.CASH)).balance().subtract(CASH_RESERVE);
            BigDecimal paid = cash.min(p.outstanding());
            if (paid.signum() > 0) {
                s.purchases().pay(c, new PayablePayment(p.id(), paid.setScale(0, RoundingMode.DOWN), PayablePayment.Channel.CASH,
                        day, payKey));
            }
        });
        if (fertilizer) {
            lines.forEach(l -> on(day, TRANSFERS, () -> s.stock().transfer(c, l.productId(), StockLocation.Kind.WAREHOUSE,
                    l.quantity(), day, "ke rak toko")));
        }
    }

    // --- sales -----------------------------------------------------------------------------------

    private void planSale(LocalDate day, List<Member> customers) {
        int number = ++sales;
        String key = key("sale");
        Member customer = customers.isEmpty() || random.nextInt(100) < 35 ? null : customers.get(random.nextInt(customers.size()));
        boolean onCredit = customer != null && customers.indexOf(customer) < CREDIT_CUSTOMERS && random.nextInt(100) < 40;
        List<int[]> wanted = new ArrayList<>();
        int lines = 1 + random.nextInt(3);
        for (int i = 0; i < lines; i++) {
            wanted.add(new int[] {pickGood(), 1 + random.nextInt(2), random.nextInt(100) < 5 ? 1 : 0});
        }
        on(day, SALES, () -> sell(number, day, customer, onCredit, wanted, key));
        if (number % 45 == 0 && !day.plusDays(3).isAfter(sample.today())) {
            String returnKey = key("return");
            on(day.plusDays(3), SALES, () -> takeBack(number, day.plusDays(3), returnKey));
        }
    }

    /** A good sold at the counter, chosen in proportion to how many of it sell in a week. */
    private int pickGood() {
        int total = goods.stream().filter(Good::sold).mapToInt(Good::weekly).sum();
        int pick = random.nextInt(total);
        for (int i = 0; i < goods.size(); i++) {
            pick -= goods.get(i).sold() ? goods.get(i).weekly() : 0;
            if (pick < 0) {
                return i;
            }
        }
        return goods.size() - 1;
    }

    /** Sells what the shop holds of what was wanted (as it stands when booked); a small discount now and then. */
    private void sell(int number, LocalDate day, @Nullable Member customer, boolean onCredit, List<int[]> wanted, String key) {
        Member buyer = customer == null || !active(customer) ? null : customer;
        Map<Long, BigDecimal> taken = new HashMap<>();
        Map<Long, ShopProduct> shelves = new HashMap<>();
        s.catalogue().products(c, true).forEach(p -> shelves.put(p.id(), p));
        List<NewSale.Line> lines = new ArrayList<>();
        for (int[] w : wanted) {
            ShopProduct p = Objects.requireNonNull(shelves.get(goods.get(w[0]).product().id()));
            BigDecimal available = p.stockQuantity().subtract(taken.getOrDefault(p.id(), BigDecimal.ZERO));
            BigDecimal quantity = available.min(BigDecimal.valueOf(w[1]));
            if (quantity.signum() > 0) {
                taken.merge(p.id(), quantity, BigDecimal::add);
                BigDecimal discount = w[2] == 1 ? p.price(buyer != null).multiply(quantity).movePointLeft(2).setScale(0, RoundingMode.DOWN)
                        : BigDecimal.ZERO;
                lines.add(new NewSale.Line(p.id(), quantity, discount));
            }
        }
        if (!lines.isEmpty()) {
            boolean credit = buyer != null && onCredit && withinCredit(buyer, lines, shelves);
            sold.put(number, s.sales().sell(c, new NewSale(buyer == null ? null : buyer.id(), credit ? Payment.CREDIT : Payment.CASH,
                    lines, day, null, key)));
        }
    }

    /** On credit only while what she owes stays well within her limit (a refusal would stop the sample's loading). */
    private boolean withinCredit(Member buyer, List<NewSale.Line> lines, Map<Long, ShopProduct> shelves) {
        BigDecimal total = BigDecimal.ZERO;
        for (NewSale.Line l : lines) {
            total = total.add(Objects.requireNonNull(shelves.get(l.productId())).memberPrice().multiply(l.quantity()));
        }
        return s.credit().owed(c, buyer.id()).add(total).compareTo(s.limits().creditLimit(c, buyer.id())) <= 0;
    }

    private void takeBack(int number, LocalDate day, String key) {
        Sale sale = sold.get(number);
        // a cash sale's: a credit sale's refund could exceed what is still owed after the month's repayment
        if (sale != null && sale.payment() == Payment.CASH && sale.lines().get(0).quantity().compareTo(BigDecimal.ONE) >= 0) {
            s.returns().takeBack(c, new NewReturn(sale.id(), List.of(new NewReturn.Line(1, BigDecimal.ONE)), day, "kemasan rusak", key));
        }
    }

    private void repayCredit(Member m, LocalDate day) {
        BigDecimal owed = s.credit().owed(c, m.id());
        if (owed.signum() > 0 && s.members().member(c, m.id()).status() == MemberStatus.ACTIVE) {
            s.credit().repay(c, m.id(), owed, Payment.CASH, day, "sample-shop-repay-" + m.id() + "-" + day);
        }
    }

    // --- stock -----------------------------------------------------------------------------------

    /**
     * A batch of each good the cooperative makes, by its recipe, from what the shop holds (the members' cassava was
     * bought the same morning); its other costs are paid in cash when the cash box holds them beyond its reserve.
     */
    private void produce(LocalDate day, String key) {
        BigDecimal costs = BATCH_COSTS.stream().map(NewProduction.Cost::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        for (Good g : goods) {
            if (g.made()) {
                BigDecimal cash = s.chart().account(c, s.chart().code(c, LedgerAccountRole.CASH)).balance().subtract(CASH_RESERVE);
                BigDecimal batch = s.production().recipe(c, g.product().id()).orElseThrow().outputQuantity();
                s.production().produce(c, new NewProduction(g.product().id(), batch, StockLocation.Kind.SHOP, List.of(),
                        cash.compareTo(costs) >= 0 ? BATCH_COSTS : List.of(), day, null, key + ":" + g.product().code()));
            }
        }
    }

    private void spoil(Good g, LocalDate day) {
        if (s.catalogue().product(c, g.product().id()).stockQuantity().compareTo(BigDecimal.valueOf(2)) >= 0) {
            s.stock().spoil(c, g.product().id(), StockLocation.Kind.SHOP, BigDecimal.valueOf(2), day, "lembab, remuk", "sample-shop-spoiled");
        }
    }

    /** The shop counted: everything as the books say except one packet of keripik tempe missing. */
    private void count(LocalDate day) {
        Map<Long, BigDecimal> counted = new HashMap<>();
        for (Good g : goods) {
            BigDecimal held = s.catalogue().product(c, g.product().id()).stockQuantity();
            boolean missing = g.product().code().equals("KRP-TEMPE") && held.signum() > 0;
            counted.put(g.product().id(), missing ? held.subtract(BigDecimal.ONE) : held);
        }
        s.stock().count(c, StockLocation.Kind.SHOP, counted, day, "sample-shop-count");
    }

    /** Whether the member is active as the event is booked (she may have left or been suspended since). */
    private boolean active(Member m) {
        return s.members().member(c, m.id()).status() == MemberStatus.ACTIVE;
    }

    /** Books the action on its day, adding the time it takes to the shop's share of the first start. */
    private void on(LocalDate day, int order, Runnable action) {
        sample.on(day, order, () -> {
            long start = System.nanoTime();
            action.run();
            long[] s = spent.computeIfAbsent(order, k -> new long[2]);
            s[0]++;
            s[1] += System.nanoTime() - start;
        });
    }

    /** The shop's share of the first start, and which kinds of event it went to. */
    private void logTimes() {
        String[] kinds = {"", "", "", "", "purchases and repayments", "transfers and production", "sales and returns", "payments",
                "stock counts"};
        StringBuilder parts = new StringBuilder();
        long total = 0;
        for (Map.Entry<Integer, long[]> e : spent.entrySet()) {
            total += e.getValue()[1];
            parts.append("; %s: %d in %d ms".formatted(kinds[e.getKey()], e.getValue()[0], e.getValue()[1] / 1_000_000));
        }
        LOG.info("the sample shop ({} sales planned) took {} ms{}", sales, total / 1_000_000, parts);
    }

    private Good byCode(String code) {
        return goods.stream().filter(g -> g.product().code().equals(code)).findFirst().orElseThrow();
    }

    private String key(String what) {
        return "sample-shop-" + what + "-" + (++keys);
    }
}
