package org.lumbung.sales;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingResult;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.lumbung.db.jooq.Tables.SHOP_SALE;
import static org.lumbung.db.jooq.Tables.SHOP_SALE_LINE;

/**
 * Returns against the original sale: at most what each line sold less what came back before, refunded the way the
 * sale was paid, at the line's own price after its discount; the goods go back into the shop at the cost they left
 * it with. One journal entry: sales returns debit and the payment account credit the refund, inventory debit and cost
 * of goods sold credit the cost. The refund of a part is the line's amount pro rata, the last part taking what is left.
 */
@Service
@PreAuthorize("@access.may('READ_SHOP')")
public class SaleReturns {

    private final DSLContext dsl;
    private final ShopBooking booking;
    private final StockBook stock;
    private final ShopCustomers customers;
    private final SaleService sales;
    private final SaleRows rows;

    SaleReturns(DSLContext dsl, ShopBooking booking, StockBook stock, ShopCustomers customers, SaleService sales, SaleRows rows) {
        this.dsl = dsl;
        this.booking = booking;
        this.stock = stock;
        this.customers = customers;
        this.sales = sales;
        this.rows = rows;
    }

    private record Back(Sale.Line line, BigDecimal quantity, BigDecimal refund, BigDecimal cost) {
    }

    @Transactional
    @PreAuthorize("@access.may('SELL')")
    public Sale takeBack(long cooperativeId, NewReturn r) {
        DomainException.require(r != null, "sales.sale.missing");
        ShopBooking.requireKey(r.idempotencyKey());
        Optional<Sale> earlier = rows.byKey(cooperativeId, r.idempotencyKey());
        if (earlier.isPresent()) {
            if (earlier.get().kind() != Sale.Kind.RETURN || !Objects.equals(earlier.get().originalSaleId(), r.saleId())
                    || earlier.get().lines().size() != r.lines().size()) {
                throw DomainException.conflict("sales.key.used-elsewhere");
            }
            return earlier.get();
        }
        DomainException.require(!r.lines().isEmpty() && r.lines().size() <= NewSale.MAX_LINES, "sales.lines.count", NewSale.MAX_LINES);
        Cooperative c = booking.cooperative(cooperativeId);
        Sale original = lockSale(cooperativeId, r.saleId());
        DomainException.require(original.kind() == Sale.Kind.SALE, "sales.return.of-return", original.receipt());
        LocalDate date = booking.valueDate(c, r.valueDate());
        DomainException.require(!date.isBefore(original.valueDate()), "sales.return.before-sale", original.receipt());
        List<Back> back = back(original, r.lines(), c.baseCurrency());
        Map<Long, ShopProduct> products = stock.lock(cooperativeId, back.stream().map(b -> b.line().productId()).toList());
        ShopCustomers.Payer payer = customers.refundTo(cooperativeId, customers.member(cooperativeId, original.memberId()),
                original.payment(), savingsAccount(cooperativeId, original.id()));
        BigDecimal refund = back.stream().map(Back::refund).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal cost = back.stream().map(Back::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        int receipt = booking.next(cooperativeId, SaleService.RECEIPT_SERIES, SHOP_SALE, SHOP_SALE.RECEIPT_NUMBER, SHOP_SALE.COOPERATIVE_ID);
        String ref = "RT-%06d".formatted(receipt);
        PostingResult posted = booking.post(cooperativeId, r.idempotencyKey(), date, "SHOP_RETURN %s %s".formatted(ref, original.receipt()),
                ref, returnLines(cooperativeId, payer.accountCode(), refund, cost), payer.rule());
        if (posted.replayed()) {
            return rows.byKey(cooperativeId, r.idempotencyKey()).orElseThrow(() -> DomainException.conflict("sales.key.used-elsewhere"));
        }
        long id = sales.insertSale(cooperativeId, receipt, Sale.Kind.RETURN, original.id(), payer, date, refund, BigDecimal.ZERO,
                cost, posted.entry().id(), r.idempotencyKey(), ShopBooking.note(r.note()));
        recordBack(cooperativeId, id, back, products, date, posted.entry().id());
        return rows.sale(cooperativeId, id);
    }

    /** Locks the original sale (two returns of one sale run one after the other) and reads it with its lines. */
    private Sale lockSale(long cooperativeId, long saleId) {
        dsl.select(SHOP_SALE.ID).from(SHOP_SALE).where(SHOP_SALE.ID.eq(saleId).and(SHOP_SALE.COOPERATIVE_ID.eq(cooperativeId)))
                .forNoKeyUpdate().fetchOptional().orElseThrow(() -> DomainException.notFound("sales.sale.not-found", saleId));
        return rows.sale(cooperativeId, saleId);
    }

    private @Nullable Long savingsAccount(long cooperativeId, long saleId) {
        return dsl.select(SHOP_SALE.SAVINGS_ACCOUNT_ID).from(SHOP_SALE)
                .where(SHOP_SALE.ID.eq(saleId).and(SHOP_SALE.COOPERATIVE_ID.eq(cooperativeId))).fetchOne(SHOP_SALE.SAVINGS_ACCOUNT_ID);
    }

    private static List<Back> back(Sale original, List<NewReturn.Line> input, String currency) {
        List<Back> back = new ArrayList<>();
        HashSet<Integer> seen = new HashSet<>();
        for (NewReturn.Line in : input) {
            DomainException.require(in != null && seen.add(in.lineNumber()), "sales.return.line-twice");
            Sale.Line line = original.lines().stream().filter(l -> l.lineNumber() == in.lineNumber()).findFirst()
                    .orElseThrow(() -> DomainException.invalid("sales.return.no-line", in.lineNumber(), original.receipt()));
            BigDecimal q = Quantities.requireCount(in.quantity(), false);
            BigDecimal left = line.quantity().subtract(line.returnedQuantity());
            DomainException.require(q.compareTo(left) <= 0, "sales.return.too-many", line.productCode(),
                    left.stripTrailingZeros().toPlainString());
            back.add(new Back(line, q, share(line.amount(), line, q, currency), share(line.cost(), line, q, currency)));
        }
        return back;
    }

    /** The part of a line's amount for {@code q} more returned: cumulative pro rata, so all parts add up to the whole. */
    static BigDecimal share(BigDecimal whole, Sale.Line line, BigDecimal q, String currency) {
        BigDecimal before = line.returnedQuantity();
        return prorata(whole, before.add(q), line.quantity(), currency).subtract(prorata(whole, before, line.quantity(), currency));
    }

    private static BigDecimal prorata(BigDecimal whole, BigDecimal part, BigDecimal of, String currency) {
        return Amounts.round(whole.multiply(part).divide(of, 10, RoundingMode.HALF_EVEN), currency);
    }

    private List<PostingLine> returnLines(long cooperativeId, String payerCode, BigDecimal refund, BigDecimal cost) {
        return List.of(PostingLine.debit(booking.code(cooperativeId, SalesAccountRole.SHOP_SALES_RETURNS), refund),
                PostingLine.credit(payerCode, refund),
                PostingLine.debit(booking.code(cooperativeId, SalesAccountRole.SHOP_INVENTORY), cost),
                PostingLine.credit(booking.code(cooperativeId, SalesAccountRole.SHOP_COST_OF_GOODS_SOLD), cost));
    }

    /** The goods go back on the shop's shelves at their cost; each original line counts what came back. */
    private void recordBack(long cooperativeId, long returnId, List<Back> back, Map<Long, ShopProduct> products, LocalDate date,
                            long entryId) {
        long shop = stock.location(cooperativeId, StockLocation.Kind.SHOP).id();
        Map<Long, WeightedAverage> positions = new HashMap<>();
        products.values().forEach(p -> positions.put(p.id(), new WeightedAverage(p.stockQuantity(), p.stockValue(), p.unitCost())));
        List<StockBook.Change> changes = new ArrayList<>();
        var lines = dsl.insertInto(SHOP_SALE_LINE, SHOP_SALE_LINE.COOPERATIVE_ID, SHOP_SALE_LINE.SALE_ID, SHOP_SALE_LINE.LINE_NUMBER,
                SHOP_SALE_LINE.PRODUCT_ID, SHOP_SALE_LINE.QUANTITY, SHOP_SALE_LINE.UNIT_PRICE, SHOP_SALE_LINE.DISCOUNT,
                SHOP_SALE_LINE.AMOUNT, SHOP_SALE_LINE.COST, SHOP_SALE_LINE.ORIGINAL_LINE_ID);
        int number = 0;
        for (Back b : back) {
            Sale.Line l = b.line();
            lines = lines.values(cooperativeId, returnId, ++number, l.productId(), b.quantity(), l.unitPrice(), BigDecimal.ZERO,
                    b.refund(), b.cost(), l.id());
            dsl.update(SHOP_SALE_LINE).set(SHOP_SALE_LINE.RETURNED_QUANTITY, SHOP_SALE_LINE.RETURNED_QUANTITY.plus(b.quantity()))
                    .where(SHOP_SALE_LINE.ID.eq(l.id())).execute();
            WeightedAverage after = Objects.requireNonNull(positions.get(l.productId())).receive(b.quantity(), b.cost());
            positions.put(l.productId(), after);
            changes.add(new StockBook.Change(l.productId(), shop, StockMovement.Kind.RETURN, b.quantity(), b.cost(), date, null,
                    returnId, null, entryId, after));
        }
        lines.execute();
        stock.record(cooperativeId, changes);
    }
}
