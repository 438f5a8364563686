package org.lumbung.sales;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingResult;
import org.lumbung.ledger.Precondition;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.lumbung.security.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.lumbung.db.jooq.Tables.SHOP_PRODUCT;
import static org.lumbung.db.jooq.Tables.SHOP_PRODUCTION;
import static org.lumbung.db.jooq.Tables.SHOP_PRODUCTION_COST;
import static org.lumbung.db.jooq.Tables.SHOP_PRODUCTION_INPUT;
import static org.lumbung.db.jooq.Tables.SHOP_RECIPE;
import static org.lumbung.db.jooq.Tables.SHOP_RECIPE_INPUT;

/**
 * Production from members' produce: recipes (what a batch consumes and yields) and production runs. A run locks its
 * inputs and its output (id order, like every stock event), refuses to take from a location more than it holds,
 * takes each input out at its moving average (rounded once, the last units taking what is left), and puts the
 * output in at exactly the sum of those costs plus the run's other costs paid in cash. One balanced entry: inventory
 * debit the output's cost, inventory credit the inputs' cost and cash credit the other costs.
 */
@Service
@PreAuthorize("@access.may('READ_SHOP')")
public class ProductionService {

    static final int NUMBER_SERIES = 62;

    private final DSLContext dsl;
    private final ShopBooking booking;
    private final StockBook stock;
    private final ShopCatalogue catalogue;

    ProductionService(DSLContext dsl, ShopBooking booking, StockBook stock, ShopCatalogue catalogue) {
        this.dsl = dsl;
        this.booking = booking;
        this.stock = stock;
        this.catalogue = catalogue;
    }

    /** An input taken out: its cost at the moving average and the product's position after it. */
    private record Consumed(ShopProduct product, BigDecimal quantity, BigDecimal cost, WeightedAverage after) {
    }

    public Optional<ShopRecipe> recipe(long cooperativeId, long productId) {
        Optional<BigDecimal> output = dsl.select(SHOP_RECIPE.OUTPUT_QUANTITY).from(SHOP_RECIPE)
                .where(SHOP_RECIPE.PRODUCT_ID.eq(productId).and(SHOP_RECIPE.COOPERATIVE_ID.eq(cooperativeId)))
                .fetchOptional(SHOP_RECIPE.OUTPUT_QUANTITY);
        return output.map(q -> new ShopRecipe(productId, q, dsl.select(SHOP_RECIPE_INPUT.INPUT_PRODUCT_ID, SHOP_PRODUCT.CODE,
                        SHOP_PRODUCT.NAME_EN, SHOP_PRODUCT.NAME_ID, SHOP_PRODUCT.UNIT, SHOP_RECIPE_INPUT.QUANTITY)
                .from(SHOP_RECIPE_INPUT).join(SHOP_PRODUCT).on(SHOP_PRODUCT.ID.eq(SHOP_RECIPE_INPUT.INPUT_PRODUCT_ID))
                .where(SHOP_RECIPE_INPUT.PRODUCT_ID.eq(productId)).orderBy(SHOP_PRODUCT.CODE)
                .fetch(r -> new ShopRecipe.Input(r.value1(), r.value2(), ShopCatalogue.name(r), r.value5(), r.value6()))));
    }

    /** The products the cooperative makes (those with a recipe), in code order. */
    public List<ShopProduct> madeProducts(long cooperativeId) {
        return dsl.select(SHOP_PRODUCT.asterisk()).from(SHOP_PRODUCT).join(SHOP_RECIPE).on(SHOP_RECIPE.PRODUCT_ID.eq(SHOP_PRODUCT.ID))
                .where(SHOP_PRODUCT.COOPERATIVE_ID.eq(cooperativeId)).orderBy(SHOP_PRODUCT.CODE).limit(ShopCatalogue.MAX_PAGE)
                .fetch(ShopCatalogue::toProduct);
    }

    /** Sets (or replaces) what {@code outputQuantity} of the product consumes. */
    @Transactional
    @PreAuthorize("@access.may('MANAGE_SHOP')")
    public ShopRecipe setRecipe(long cooperativeId, long productId, BigDecimal outputQuantity, List<NewProduction.Input> inputs) {
        BigDecimal output = Quantities.requireCount(outputQuantity, false);
        Map<Long, BigDecimal> checked = checkedInputs(productId, inputs);
        catalogue.product(cooperativeId, productId);
        checked.keySet().forEach(id -> catalogue.product(cooperativeId, id));
        dsl.insertInto(SHOP_RECIPE).set(SHOP_RECIPE.PRODUCT_ID, productId).set(SHOP_RECIPE.COOPERATIVE_ID, cooperativeId)
                .set(SHOP_RECIPE.OUTPUT_QUANTITY, output).set(SHOP_RECIPE.UPDATED_BY, CurrentActor.name())
                .onConflict(SHOP_RECIPE.PRODUCT_ID).doUpdate()
                .set(SHOP_RECIPE.OUTPUT_QUANTITY, output).set(SHOP_RECIPE.UPDATED_BY, CurrentActor.name()).execute();
        dsl.deleteFrom(SHOP_RECIPE_INPUT).where(SHOP_RECIPE_INPUT.PRODUCT_ID.eq(productId)).execute();
        var insert = dsl.insertInto(SHOP_RECIPE_INPUT, SHOP_RECIPE_INPUT.PRODUCT_ID, SHOP_RECIPE_INPUT.INPUT_PRODUCT_ID,
                SHOP_RECIPE_INPUT.COOPERATIVE_ID, SHOP_RECIPE_INPUT.QUANTITY);
        for (Map.Entry<Long, BigDecimal> e : checked.entrySet()) {
            insert = insert.values(productId, e.getKey(), cooperativeId, e.getValue());
        }
        insert.execute();
        return recipe(cooperativeId, productId).orElseThrow();
    }

    /** Inputs: one to {@value NewProduction#MAX_INPUTS}, each product once, never the output itself. */
    private static Map<Long, BigDecimal> checkedInputs(long outputId, List<NewProduction.Input> inputs) {
        DomainException.require(inputs != null && !inputs.isEmpty() && inputs.size() <= NewProduction.MAX_INPUTS,
                "sales.production.inputs.count", NewProduction.MAX_INPUTS);
        Map<Long, BigDecimal> checked = new LinkedHashMap<>();
        for (NewProduction.Input i : inputs) {
            DomainException.require(i != null, "sales.production.inputs.count", NewProduction.MAX_INPUTS);
            DomainException.require(i.productId() != outputId, "sales.production.input.is-output");
            DomainException.require(checked.put(i.productId(), Quantities.requireCount(i.quantity(), false)) == null,
                    "sales.production.input.twice");
        }
        return checked;
    }

    /** Other costs: at most {@value NewProduction#MAX_COSTS}, each described and an amount of the currency. */
    private static List<NewProduction.Cost> checkedCosts(List<NewProduction.Cost> costs, String currency) {
        DomainException.require(costs.size() <= NewProduction.MAX_COSTS, "sales.production.costs.count", NewProduction.MAX_COSTS);
        List<NewProduction.Cost> checked = new ArrayList<>();
        for (NewProduction.Cost c : costs) {
            DomainException.require(c != null && c.description() != null && !c.description().isBlank()
                    && c.description().strip().length() <= NewProduction.MAX_COST_TEXT, "sales.production.cost.description",
                    NewProduction.MAX_COST_TEXT);
            checked.add(new NewProduction.Cost(c.description().strip(), Amounts.requireEntered(c.amount(), currency)));
        }
        return checked;
    }

    @Transactional
    @PreAuthorize("@access.may('MANAGE_SHOP')")
    public Production produce(long cooperativeId, NewProduction p) {
        DomainException.require(p != null, "sales.production.missing");
        ShopBooking.requireKey(p.idempotencyKey());
        Optional<Production> earlier = byKey(cooperativeId, p.idempotencyKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        DomainException.require(p.location() != null, "sales.location.missing");
        Cooperative c = booking.cooperative(cooperativeId);
        LocalDate date = booking.valueDate(c, p.valueDate());
        BigDecimal quantity = Quantities.requireCount(p.quantity(), false);
        Map<Long, BigDecimal> inputs = checkedInputs(p.productId(), p.inputs().isEmpty()
                ? recipe(cooperativeId, p.productId()).orElseThrow(() -> DomainException.invalid("sales.production.no-recipe",
                        catalogue.product(cooperativeId, p.productId()).code())).scaledTo(quantity)
                : p.inputs());
        List<NewProduction.Cost> costs = checkedCosts(p.costs(), c.baseCurrency());
        String note = ShopBooking.note(p.note());
        List<Long> ids = new ArrayList<>(inputs.keySet());
        ids.add(p.productId());
        Map<Long, ShopProduct> products = stock.lock(cooperativeId, ids);
        long location = stock.location(cooperativeId, p.location()).id();
        stock.requireAvailable(products, location, inputs);
        List<Consumed> consumed = consume(products, inputs, c.baseCurrency());
        BigDecimal materials = consumed.stream().map(Consumed::cost).reduce(Amounts.round(BigDecimal.ZERO, c.baseCurrency()), BigDecimal::add);
        BigDecimal other = costs.stream().map(NewProduction.Cost::amount).reduce(Amounts.round(BigDecimal.ZERO, c.baseCurrency()),
                BigDecimal::add);
        int number = booking.next(cooperativeId, NUMBER_SERIES, SHOP_PRODUCTION, SHOP_PRODUCTION.NUMBER, SHOP_PRODUCTION.COOPERATIVE_ID);
        Run run = new Run(Objects.requireNonNull(products.get(p.productId())), quantity, location, materials, other, date,
                "PR-%06d".formatted(number));
        Long entryId = post(cooperativeId, p.idempotencyKey(), run);
        long id = insert(cooperativeId, number, run, entryId, p.idempotencyKey(), note);
        insertDetails(cooperativeId, id, consumed, costs);
        record(cooperativeId, run, consumed, entryId);
        return production(cooperativeId, id);
    }

    /** What a run makes, where, and what it costs. */
    private record Run(ShopProduct output, BigDecimal quantity, long locationId, BigDecimal materials, BigDecimal other,
                       LocalDate date, String reference) {
        BigDecimal cost() {
            return materials.add(other);
        }
    }

    /** Each input issued at its moving average, in the order given. */
    private static List<Consumed> consume(Map<Long, ShopProduct> products, Map<Long, BigDecimal> inputs, String currency) {
        List<Consumed> consumed = new ArrayList<>();
        inputs.forEach((id, q) -> {
            ShopProduct p = Objects.requireNonNull(products.get(id), "every input was locked");
            WeightedAverage before = new WeightedAverage(p.stockQuantity(), p.stockValue(), p.unitCost());
            BigDecimal cost = Amounts.normalise(before.issueCost(q, currency), currency);
            consumed.add(new Consumed(p, q, cost, before.issue(q, cost)));
        });
        return consumed;
    }

    /** Inventory debit the output's cost, inventory credit the inputs', cash credit the other costs; none if all is zero. */
    private @Nullable Long post(long cooperativeId, String key, Run run) {
        if (run.cost().signum() == 0) {
            return null;
        }
        String inventory = booking.code(cooperativeId, SalesAccountRole.SHOP_INVENTORY);
        PostingResult posted = booking.post(cooperativeId, key, run.date(), "SHOP_PRODUCTION %s %s".formatted(run.reference(),
                        run.output().code()), run.reference(),
                List.of(PostingLine.debit(inventory, run.cost()), PostingLine.credit(inventory, run.materials()),
                        PostingLine.credit(booking.cash(cooperativeId), run.other())), Precondition.NONE);
        if (posted.replayed()) {
            throw DomainException.conflict("sales.key.used-elsewhere");
        }
        return posted.entry().id();
    }

    private long insert(long cooperativeId, int number, Run run, @Nullable Long entryId, String key, @Nullable String note) {
        return dsl.insertInto(SHOP_PRODUCTION)
                .set(SHOP_PRODUCTION.COOPERATIVE_ID, cooperativeId)
                .set(SHOP_PRODUCTION.NUMBER, number)
                .set(SHOP_PRODUCTION.PRODUCT_ID, run.output().id())
                .set(SHOP_PRODUCTION.LOCATION_ID, run.locationId())
                .set(SHOP_PRODUCTION.QUANTITY, run.quantity())
                .set(SHOP_PRODUCTION.MATERIALS_COST, run.materials())
                .set(SHOP_PRODUCTION.OTHER_COSTS, run.other())
                .set(SHOP_PRODUCTION.COST, run.cost())
                .set(SHOP_PRODUCTION.VALUE_DATE, run.date())
                .set(SHOP_PRODUCTION.JOURNAL_ENTRY_ID, entryId)
                .set(SHOP_PRODUCTION.IDEMPOTENCY_KEY, key)
                .set(SHOP_PRODUCTION.NOTE, note)
                .set(SHOP_PRODUCTION.RECORDED_BY, CurrentActor.name())
                .returning(SHOP_PRODUCTION.ID).fetchOne(SHOP_PRODUCTION.ID);
    }

    private void insertDetails(long cooperativeId, long productionId, List<Consumed> consumed, List<NewProduction.Cost> costs) {
        var inputs = dsl.insertInto(SHOP_PRODUCTION_INPUT, SHOP_PRODUCTION_INPUT.COOPERATIVE_ID, SHOP_PRODUCTION_INPUT.PRODUCTION_ID,
                SHOP_PRODUCTION_INPUT.PRODUCT_ID, SHOP_PRODUCTION_INPUT.QUANTITY, SHOP_PRODUCTION_INPUT.COST);
        for (Consumed i : consumed) {
            inputs = inputs.values(cooperativeId, productionId, i.product().id(), i.quantity(), i.cost());
        }
        inputs.execute();
        if (!costs.isEmpty()) {
            var other = dsl.insertInto(SHOP_PRODUCTION_COST, SHOP_PRODUCTION_COST.COOPERATIVE_ID, SHOP_PRODUCTION_COST.PRODUCTION_ID,
                    SHOP_PRODUCTION_COST.DESCRIPTION, SHOP_PRODUCTION_COST.AMOUNT);
            for (NewProduction.Cost c : costs) {
                other = other.values(cooperativeId, productionId, c.description(), c.amount());
            }
            other.execute();
        }
    }

    /** The inputs' movements out, then the output's in at the run's cost (the output's average moves). */
    private void record(long cooperativeId, Run run, List<Consumed> consumed, @Nullable Long entryId) {
        List<StockBook.Change> changes = new ArrayList<>();
        for (Consumed i : consumed) {
            changes.add(new StockBook.Change(i.product().id(), run.locationId(), StockMovement.Kind.PRODUCTION, i.quantity().negate(),
                    i.cost().negate(), run.date(), run.reference(), null, null, entryId, i.after()));
        }
        ShopProduct out = run.output();
        WeightedAverage after = new WeightedAverage(out.stockQuantity(), out.stockValue(), out.unitCost()).receive(run.quantity(), run.cost());
        changes.add(new StockBook.Change(out.id(), run.locationId(), StockMovement.Kind.PRODUCTION, run.quantity(), run.cost(),
                run.date(), run.reference(), null, null, entryId, after));
        stock.record(cooperativeId, changes);
    }

    public Production production(long cooperativeId, long productionId) {
        var r = dsl.select(SHOP_PRODUCTION.asterisk(), SHOP_PRODUCT.CODE, SHOP_PRODUCT.NAME_EN, SHOP_PRODUCT.NAME_ID).from(SHOP_PRODUCTION)
                .join(SHOP_PRODUCT).on(SHOP_PRODUCT.ID.eq(SHOP_PRODUCTION.PRODUCT_ID))
                .where(SHOP_PRODUCTION.ID.eq(productionId).and(SHOP_PRODUCTION.COOPERATIVE_ID.eq(cooperativeId))).fetchOptional()
                .orElseThrow(() -> DomainException.notFound("sales.production.not-found", productionId));
        List<Production.Input> inputs = dsl.select(SHOP_PRODUCTION_INPUT.PRODUCT_ID, SHOP_PRODUCT.CODE, SHOP_PRODUCT.NAME_EN,
                        SHOP_PRODUCT.NAME_ID, SHOP_PRODUCTION_INPUT.QUANTITY, SHOP_PRODUCTION_INPUT.COST)
                .from(SHOP_PRODUCTION_INPUT).join(SHOP_PRODUCT).on(SHOP_PRODUCT.ID.eq(SHOP_PRODUCTION_INPUT.PRODUCT_ID))
                .where(SHOP_PRODUCTION_INPUT.PRODUCTION_ID.eq(productionId)).orderBy(SHOP_PRODUCTION_INPUT.ID)
                .fetch(i -> new Production.Input(i.value1(), i.value2(), ShopCatalogue.name(i), i.value5(), i.value6()));
        List<NewProduction.Cost> costs = dsl.select(SHOP_PRODUCTION_COST.DESCRIPTION, SHOP_PRODUCTION_COST.AMOUNT).from(SHOP_PRODUCTION_COST)
                .where(SHOP_PRODUCTION_COST.PRODUCTION_ID.eq(productionId)).orderBy(SHOP_PRODUCTION_COST.ID)
                .fetch(x -> new NewProduction.Cost(x.value1(), x.value2()));
        return new Production(r.get(SHOP_PRODUCTION.ID), r.get(SHOP_PRODUCTION.NUMBER), r.get(SHOP_PRODUCTION.PRODUCT_ID),
                r.get(SHOP_PRODUCT.CODE), ShopCatalogue.name(r), r.get(SHOP_PRODUCTION.QUANTITY), r.get(SHOP_PRODUCTION.MATERIALS_COST),
                r.get(SHOP_PRODUCTION.OTHER_COSTS), r.get(SHOP_PRODUCTION.COST), r.get(SHOP_PRODUCTION.VALUE_DATE),
                r.get(SHOP_PRODUCTION.JOURNAL_ENTRY_ID), r.get(SHOP_PRODUCTION.NOTE), inputs, costs, false);
    }

    private Optional<Production> byKey(long cooperativeId, String key) {
        return dsl.select(SHOP_PRODUCTION.ID).from(SHOP_PRODUCTION).where(SHOP_PRODUCTION.COOPERATIVE_ID.eq(cooperativeId)
                        .and(SHOP_PRODUCTION.IDEMPOTENCY_KEY.eq(key))).fetchOptional(SHOP_PRODUCTION.ID)
                .map(id -> {
                    Production p = production(cooperativeId, id);
                    return new Production(p.id(), p.number(), p.productId(), p.productCode(), p.productName(), p.quantity(),
                            p.materialsCost(), p.otherCosts(), p.cost(), p.valueDate(), p.journalEntryId(), p.note(), p.inputs(),
                            p.costs(), true);
                });
    }

    /** Runs with value dates in [from, to], newest first, without their inputs. */
    public List<Production> productions(long cooperativeId, LocalDate from, LocalDate to, int limit) {
        DomainException.require(limit > 0 && limit <= SaleRows.MAX_PAGE, "page.invalid", SaleRows.MAX_PAGE);
        DomainException.require(from != null && to != null && !to.isBefore(from), "sales.period.invalid");
        return dsl.select(SHOP_PRODUCTION.ID).from(SHOP_PRODUCTION).where(SHOP_PRODUCTION.COOPERATIVE_ID.eq(cooperativeId)
                        .and(SHOP_PRODUCTION.VALUE_DATE.between(from, to)))
                .orderBy(SHOP_PRODUCTION.VALUE_DATE.desc(), SHOP_PRODUCTION.ID.desc()).limit(limit)
                .fetch(SHOP_PRODUCTION.ID).stream().map(id -> production(cooperativeId, id)).toList();
    }
}
