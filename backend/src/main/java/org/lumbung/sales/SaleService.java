package org.lumbung.sales;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingResult;
import org.lumbung.members.Member;
import org.lumbung.platform.DomainException;
import org.lumbung.security.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.lumbung.db.jooq.Tables.SHOP_SALE;
import static org.lumbung.db.jooq.Tables.SHOP_SALE_LINE;

/**
 * Sales at the counter. A sale locks its products, prices and costs its lines, checks the shop holds the goods,
 * and books one balanced journal entry — the payment account (cash, the member's shop credit or her voluntary
 * savings) debit the total, sales credit it, cost of goods sold debit the cost, inventory credit it — together with
 * the sale, its lines and its stock movements, under the next receipt number. A sale saved twice (the same
 * idempotency key) is booked once.
 */
@Service
@PreAuthorize("@access.may('READ_SHOP')")
public class SaleService {

    /** The gapless series of sale and return receipts (advisory lock class). */
    static final int RECEIPT_SERIES = 60;

    private final DSLContext dsl;
    private final ShopBooking booking;
    private final StockBook stock;
    private final ShopCustomers customers;
    private final ShopLimits limits;
    private final SaleRows rows;

    SaleService(DSLContext dsl, ShopBooking booking, StockBook stock, ShopCustomers customers, ShopLimits limits, SaleRows rows) {
        this.dsl = dsl;
        this.booking = booking;
        this.stock = stock;
        this.customers = customers;
        this.limits = limits;
        this.rows = rows;
    }

    @Transactional
    @PreAuthorize("@access.may('SELL')")
    public Sale sell(long cooperativeId, NewSale s) {
        DomainException.require(s != null, "sales.sale.missing");
        ShopBooking.requireKey(s.idempotencyKey());
        Optional<Sale> earlier = rows.byKey(cooperativeId, s.idempotencyKey());
        if (earlier.isPresent()) {
            return requireSameSale(earlier.get(), s);
        }
        DomainException.require(!s.lines().isEmpty() && s.lines().size() <= NewSale.MAX_LINES, "sales.lines.count", NewSale.MAX_LINES);
        Cooperative c = booking.cooperative(cooperativeId);
        LocalDate date = booking.valueDate(c, s.valueDate());
        String note = ShopBooking.note(s.note());
        Member member = customers.member(cooperativeId, s.memberId());
        Map<Long, ShopProduct> products = stock.lock(cooperativeId, s.lines().stream().map(NewSale.Line::productId).toList());
        SalePricing.Priced priced = SalePricing.price(products, s.lines(), member != null,
                limits.settings(cooperativeId).maxDiscountPercent(), c.baseCurrency());
        long shop = stock.location(cooperativeId, StockLocation.Kind.SHOP).id();
        stock.requireAvailable(products, shop, SalePricing.quantities(priced.lines()));
        ShopCustomers.Payer payer = customers.payer(cooperativeId, member, s.payment());
        int receipt = booking.next(cooperativeId, RECEIPT_SERIES, SHOP_SALE, SHOP_SALE.RECEIPT_NUMBER, SHOP_SALE.COOPERATIVE_ID);
        PostingResult posted = booking.post(cooperativeId, s.idempotencyKey(), date, "SHOP_SALE PJ-%06d".formatted(receipt),
                "PJ-%06d".formatted(receipt), saleLines(cooperativeId, payer.accountCode(), priced), payer.rule());
        if (posted.replayed()) {
            return rows.byKey(cooperativeId, s.idempotencyKey()).orElseThrow(() -> DomainException.conflict("sales.key.used-elsewhere"));
        }
        long saleId = insertSale(cooperativeId, receipt, Sale.Kind.SALE, null, payer, date, priced.gross(), priced.discount(),
                priced.cost(), posted.entry().id(), s.idempotencyKey(), note);
        insertLines(cooperativeId, saleId, priced.lines());
        List<StockBook.Change> changes = new ArrayList<>();
        for (SalePricing.Line l : priced.lines()) {
            changes.add(new StockBook.Change(l.product().id(), shop, StockMovement.Kind.SALE, l.quantity().negate(), l.cost().negate(),
                    date, null, saleId, null, posted.entry().id(), l.after()));
        }
        stock.record(cooperativeId, changes);
        return rows.sale(cooperativeId, saleId);
    }

    /**
     * A form saved again returns the sale it made; its key with other content (another customer, payment or lines)
     * is a conflict, as the ledger answers a key reused for another entry.
     */
    private static Sale requireSameSale(Sale earlier, NewSale s) {
        boolean same = earlier.kind() == Sale.Kind.SALE && Objects.equals(earlier.memberId(), s.memberId())
                && earlier.payment() == s.payment() && earlier.lines().size() == s.lines().size();
        for (int i = 0; same && i < s.lines().size(); i++) {
            Sale.Line was = earlier.lines().get(i);
            NewSale.Line now = s.lines().get(i);
            same = now != null && was.productId() == now.productId() && now.quantity() != null
                    && was.quantity().compareTo(now.quantity()) == 0
                    && was.discount().compareTo(now.discount() == null ? BigDecimal.ZERO : now.discount()) == 0;
        }
        if (!same) {
            throw DomainException.conflict("sales.key.used-elsewhere");
        }
        return earlier;
    }

    /** Payment account debit the total, sales credit; cost of goods sold debit the cost, inventory credit. */
    private List<PostingLine> saleLines(long cooperativeId, String payerCode, SalePricing.Priced p) {
        return List.of(PostingLine.debit(payerCode, p.total()),
                PostingLine.credit(booking.code(cooperativeId, SalesAccountRole.SHOP_SALES), p.total()),
                PostingLine.debit(booking.code(cooperativeId, SalesAccountRole.SHOP_COST_OF_GOODS_SOLD), p.cost()),
                PostingLine.credit(booking.code(cooperativeId, SalesAccountRole.SHOP_INVENTORY), p.cost()));
    }

    long insertSale(long cooperativeId, int receipt, Sale.Kind kind, @Nullable Long originalSaleId, ShopCustomers.Payer payer,
                    LocalDate date, BigDecimal gross, BigDecimal discount, BigDecimal cost, long entryId, String key,
                    @Nullable String note) {
        return dsl.insertInto(SHOP_SALE)
                .set(SHOP_SALE.COOPERATIVE_ID, cooperativeId)
                .set(SHOP_SALE.RECEIPT_NUMBER, receipt)
                .set(SHOP_SALE.KIND, kind.name())
                .set(SHOP_SALE.ORIGINAL_SALE_ID, originalSaleId)
                .set(SHOP_SALE.MEMBER_ID, payer.member() == null ? null : payer.member().id())
                .set(SHOP_SALE.PAYMENT, payer.payment().name())
                .set(SHOP_SALE.SAVINGS_ACCOUNT_ID, payer.savingsAccountId())
                .set(SHOP_SALE.VALUE_DATE, date)
                .set(SHOP_SALE.GROSS, gross)
                .set(SHOP_SALE.DISCOUNT, discount)
                .set(SHOP_SALE.TOTAL, gross.subtract(discount))
                .set(SHOP_SALE.COST, cost)
                .set(SHOP_SALE.JOURNAL_ENTRY_ID, entryId)
                .set(SHOP_SALE.IDEMPOTENCY_KEY, key)
                .set(SHOP_SALE.NOTE, note)
                .set(SHOP_SALE.RECORDED_BY, CurrentActor.name())
                .returning(SHOP_SALE.ID).fetchOne(SHOP_SALE.ID);
    }

    private void insertLines(long cooperativeId, long saleId, List<SalePricing.Line> lines) {
        var insert = dsl.insertInto(SHOP_SALE_LINE, SHOP_SALE_LINE.COOPERATIVE_ID, SHOP_SALE_LINE.SALE_ID, SHOP_SALE_LINE.LINE_NUMBER,
                SHOP_SALE_LINE.PRODUCT_ID, SHOP_SALE_LINE.QUANTITY, SHOP_SALE_LINE.UNIT_PRICE, SHOP_SALE_LINE.DISCOUNT,
                SHOP_SALE_LINE.AMOUNT, SHOP_SALE_LINE.COST);
        for (SalePricing.Line l : lines) {
            insert = insert.values(cooperativeId, saleId, l.number(), l.product().id(), l.quantity(), l.unitPrice(), l.discount(),
                    l.amount(), l.cost());
        }
        insert.execute();
    }

    public Sale sale(long cooperativeId, long saleId) {
        return rows.sale(cooperativeId, saleId);
    }

    /** Sales and returns with value dates in [from, to], newest first (at most {@value SaleRows#MAX_PAGE} a page). */
    public List<Sale> sales(long cooperativeId, LocalDate from, LocalDate to, int offset, int limit) {
        return rows.page(cooperativeId, SaleRows.period(from, to), offset, limit);
    }

    public int saleCount(long cooperativeId, LocalDate from, LocalDate to) {
        return rows.count(cooperativeId, SaleRows.period(from, to));
    }
}
