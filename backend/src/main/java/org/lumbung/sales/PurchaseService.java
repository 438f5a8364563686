package org.lumbung.sales;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingResult;
import org.lumbung.ledger.Precondition;
import org.lumbung.members.Member;
import org.lumbung.platform.DomainException;
import org.lumbung.savings.DepositSource;
import org.lumbung.savings.LinkedDeposit;
import org.lumbung.savings.SavingsService;
import org.lumbung.platform.money.Amounts;
import org.lumbung.security.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.lumbung.db.jooq.Tables.SHOP_PAYABLE_PAYMENT;
import static org.lumbung.db.jooq.Tables.SHOP_PRODUCT;
import static org.lumbung.db.jooq.Tables.SHOP_PURCHASE;
import static org.lumbung.db.jooq.Tables.SHOP_PURCHASE_LINE;

/**
 * Purchases from suppliers, members selling their produce among them: the goods go into stock at their cost (the
 * moving average moves), inventory debit and the supplier's payable credit (a member's own sub-account of the
 * payables); later payments take the payable down, paid in cash or into the member's voluntary savings.
 */
@Service
@PreAuthorize("@access.may('READ_SHOP')")
public class PurchaseService {

    static final int NUMBER_SERIES = 61;
    private static final int MAX_SUPPLIER = 120;

    private final DSLContext dsl;
    private final ShopBooking booking;
    private final StockBook stock;
    private final ShopCustomers customers;
    private final SavingsService savings;

    PurchaseService(DSLContext dsl, ShopBooking booking, StockBook stock, ShopCustomers customers, SavingsService savings) {
        this.dsl = dsl;
        this.savings = savings;
        this.booking = booking;
        this.stock = stock;
        this.customers = customers;
    }

    private record Costed(NewPurchase.Line line, BigDecimal quantity, BigDecimal unitCost, BigDecimal amount) {
    }

    @Transactional
    @PreAuthorize("@access.may('MANAGE_SHOP')")
    public Purchase receive(long cooperativeId, NewPurchase p) {
        DomainException.require(p != null, "sales.purchase.missing");
        ShopBooking.requireKey(p.idempotencyKey());
        Optional<Purchase> earlier = byKey(cooperativeId, p.idempotencyKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        DomainException.require(!p.lines().isEmpty() && p.lines().size() <= NewPurchase.MAX_LINES, "sales.lines.count",
                NewPurchase.MAX_LINES);
        DomainException.require(p.location() != null, "sales.location.missing");
        Cooperative c = booking.cooperative(cooperativeId);
        LocalDate date = booking.valueDate(c, p.valueDate());
        Member supplier = customers.member(cooperativeId, p.supplierMemberId());
        String name = supplierName(supplier, p.supplierName());
        List<Costed> lines = p.lines().stream().map(l -> costed(l, c.baseCurrency())).toList();
        BigDecimal total = lines.stream().map(Costed::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<Long, ShopProduct> products = stock.lock(cooperativeId, lines.stream().map(l -> l.line().productId()).toList());
        int number = booking.next(cooperativeId, NUMBER_SERIES, SHOP_PURCHASE, SHOP_PURCHASE.NUMBER, SHOP_PURCHASE.COOPERATIVE_ID);
        String ref = "PB-%06d".formatted(number);
        PostingResult posted = booking.post(cooperativeId, p.idempotencyKey(), date, "SHOP_PURCHASE " + ref, ref,
                List.of(PostingLine.debit(booking.code(cooperativeId, SalesAccountRole.SHOP_INVENTORY), total),
                        PostingLine.credit(payable(cooperativeId, supplier), total)), Precondition.NONE);
        if (posted.replayed()) {
            return byKey(cooperativeId, p.idempotencyKey()).orElseThrow(() -> DomainException.conflict("sales.key.used-elsewhere"));
        }
        long id = insert(cooperativeId, number, supplier, name, p, date, total, posted.entry().id());
        receiveGoods(cooperativeId, id, p.location(), lines, products, date, posted.entry().id());
        return purchase(cooperativeId, id);
    }

    private static String supplierName(@Nullable Member supplier, @Nullable String name) {
        if (supplier != null) {
            return supplier.fullName().length() <= MAX_SUPPLIER ? supplier.fullName() : supplier.fullName().substring(0, MAX_SUPPLIER);
        }
        DomainException.require(name != null && !name.isBlank() && name.strip().length() <= MAX_SUPPLIER, "sales.supplier.missing",
                MAX_SUPPLIER);
        return name.strip();
    }

    private static Costed costed(NewPurchase.Line l, String currency) {
        DomainException.require(l != null, "sales.lines.count", NewPurchase.MAX_LINES);
        BigDecimal q = Quantities.requireCount(l.quantity(), false);
        BigDecimal unitCost = Amounts.requireEntered(l.unitCost(), currency);
        BigDecimal amount = Amounts.round(q.multiply(unitCost), currency);
        DomainException.require(amount.signum() > 0 && amount.compareTo(Amounts.MAX_AMOUNT) <= 0, "money.amount.too-large",
                amount.toPlainString());
        return new Costed(l, q, unitCost, amount);
    }

    /** The supplier's payable: a member's own sub-account, a trader's the general payables account. */
    private String payable(long cooperativeId, @Nullable Member supplier) {
        return supplier == null ? booking.code(cooperativeId, SalesAccountRole.SHOP_SUPPLIER_PAYABLES)
                : booking.memberCode(cooperativeId, SalesAccountRole.SHOP_SUPPLIER_PAYABLES, supplier);
    }

    private long insert(long cooperativeId, int number, @Nullable Member supplier, String name, NewPurchase p, LocalDate date,
                        BigDecimal total, long entryId) {
        return dsl.insertInto(SHOP_PURCHASE)
                .set(SHOP_PURCHASE.COOPERATIVE_ID, cooperativeId)
                .set(SHOP_PURCHASE.NUMBER, number)
                .set(SHOP_PURCHASE.SUPPLIER_MEMBER_ID, supplier == null ? null : supplier.id())
                .set(SHOP_PURCHASE.SUPPLIER_NAME, name)
                .set(SHOP_PURCHASE.LOCATION_ID, stock.location(cooperativeId, p.location()).id())
                .set(SHOP_PURCHASE.VALUE_DATE, date)
                .set(SHOP_PURCHASE.TOTAL, total)
                .set(SHOP_PURCHASE.JOURNAL_ENTRY_ID, entryId)
                .set(SHOP_PURCHASE.IDEMPOTENCY_KEY, p.idempotencyKey())
                .set(SHOP_PURCHASE.NOTE, ShopBooking.note(p.note()))
                .set(SHOP_PURCHASE.RECORDED_BY, CurrentActor.name())
                .returning(SHOP_PURCHASE.ID).fetchOne(SHOP_PURCHASE.ID);
    }

    private void receiveGoods(long cooperativeId, long purchaseId, StockLocation.Kind at, List<Costed> lines,
                              Map<Long, ShopProduct> products, LocalDate date, long entryId) {
        long location = stock.location(cooperativeId, at).id();
        Map<Long, WeightedAverage> positions = new HashMap<>();
        products.values().forEach(p -> positions.put(p.id(), new WeightedAverage(p.stockQuantity(), p.stockValue(), p.unitCost())));
        List<StockBook.Change> changes = new ArrayList<>();
        var insert = dsl.insertInto(SHOP_PURCHASE_LINE, SHOP_PURCHASE_LINE.COOPERATIVE_ID, SHOP_PURCHASE_LINE.PURCHASE_ID,
                SHOP_PURCHASE_LINE.PRODUCT_ID, SHOP_PURCHASE_LINE.QUANTITY, SHOP_PURCHASE_LINE.UNIT_COST, SHOP_PURCHASE_LINE.AMOUNT);
        for (Costed l : lines) {
            long productId = l.line().productId();
            insert = insert.values(cooperativeId, purchaseId, productId, l.quantity(), l.unitCost(), l.amount());
            WeightedAverage after = Objects.requireNonNull(positions.get(productId)).receive(l.quantity(), l.amount());
            positions.put(productId, after);
            changes.add(new StockBook.Change(productId, location, StockMovement.Kind.PURCHASE, l.quantity(), l.amount(), date, null,
                    null, purchaseId, entryId, after));
        }
        insert.execute();
        stock.record(cooperativeId, changes);
    }

    /** Pays (part of) a purchase's payable: never more than it still owes (the purchase row is locked first). */
    @Transactional
    @PreAuthorize("@access.may('MANAGE_SHOP')")
    public Purchase pay(long cooperativeId, PayablePayment pay) {
        DomainException.require(pay != null && pay.channel() != null, "sales.payment.missing");
        ShopBooking.requireKey(pay.idempotencyKey());
        if (dsl.fetchExists(SHOP_PAYABLE_PAYMENT, SHOP_PAYABLE_PAYMENT.COOPERATIVE_ID.eq(cooperativeId)
                .and(SHOP_PAYABLE_PAYMENT.IDEMPOTENCY_KEY.eq(pay.idempotencyKey())))) {
            return purchase(cooperativeId, pay.purchaseId());
        }
        Cooperative c = booking.cooperative(cooperativeId);
        dsl.select(SHOP_PURCHASE.ID).from(SHOP_PURCHASE).where(SHOP_PURCHASE.ID.eq(pay.purchaseId())
                .and(SHOP_PURCHASE.COOPERATIVE_ID.eq(cooperativeId))).forNoKeyUpdate().fetchOptional()
                .orElseThrow(() -> DomainException.notFound("sales.purchase.not-found", pay.purchaseId()));
        Purchase p = purchase(cooperativeId, pay.purchaseId());
        BigDecimal amount = Amounts.requireEntered(pay.amount(), c.baseCurrency());
        DomainException.require(amount.compareTo(p.outstanding()) <= 0, "sales.payable.too-much", p.reference(),
                p.outstanding().toPlainString());
        LocalDate date = booking.valueDate(c, pay.valueDate());
        DomainException.require(!date.isBefore(p.valueDate()), "sales.payable.before-purchase", p.reference());
        Member supplier = customers.member(cooperativeId, p.supplierMemberId());
        Long savingsId = null;
        PostingLine to = PostingLine.credit(booking.cash(cooperativeId), amount);
        LinkedDeposit deposit = null;
        if (pay.channel() == PayablePayment.Channel.SAVINGS) {
            DomainException.require(supplier != null, "sales.payment.member-only");
            // into her savings as the savings feature's linked deposit: it stands on her savings statement
            deposit = savings.linkedDeposit(cooperativeId, customers.voluntary(cooperativeId, supplier).id(), amount, date,
                    DepositSource.SHOP, p.reference());
            savingsId = deposit.account().id();
            to = deposit.line();
        }
        PostingResult posted = booking.post(cooperativeId, pay.idempotencyKey(), date, "SHOP_PAYMENT " + p.reference(), p.reference(),
                List.of(PostingLine.debit(payable(cooperativeId, supplier), amount), to),
                deposit == null ? Precondition.NONE : deposit.rule());
        if (deposit != null) {
            savings.recordLinked(cooperativeId, List.of(deposit), posted.entry().id());
        }
        recordPayment(cooperativeId, p, amount, pay, savingsId, date, posted.entry().id());
        return purchase(cooperativeId, p.id());
    }

    private void recordPayment(long cooperativeId, Purchase p, BigDecimal amount, PayablePayment pay, @Nullable Long savingsId, LocalDate date,
                               long entryId) {
        dsl.insertInto(SHOP_PAYABLE_PAYMENT)
                .set(SHOP_PAYABLE_PAYMENT.COOPERATIVE_ID, cooperativeId)
                .set(SHOP_PAYABLE_PAYMENT.PURCHASE_ID, p.id())
                .set(SHOP_PAYABLE_PAYMENT.AMOUNT, amount)
                .set(SHOP_PAYABLE_PAYMENT.CHANNEL, pay.channel().name())
                .set(SHOP_PAYABLE_PAYMENT.SAVINGS_ACCOUNT_ID, savingsId)
                .set(SHOP_PAYABLE_PAYMENT.VALUE_DATE, date)
                .set(SHOP_PAYABLE_PAYMENT.JOURNAL_ENTRY_ID, entryId)
                .set(SHOP_PAYABLE_PAYMENT.IDEMPOTENCY_KEY, pay.idempotencyKey())
                .set(SHOP_PAYABLE_PAYMENT.RECORDED_BY, CurrentActor.name())
                .execute();
        dsl.update(SHOP_PURCHASE).set(SHOP_PURCHASE.PAID, SHOP_PURCHASE.PAID.plus(amount)).where(SHOP_PURCHASE.ID.eq(p.id())).execute();
    }

    public Purchase purchase(long cooperativeId, long purchaseId) {
        Purchase head = dsl.selectFrom(SHOP_PURCHASE).where(SHOP_PURCHASE.ID.eq(purchaseId).and(SHOP_PURCHASE.COOPERATIVE_ID.eq(cooperativeId)))
                .fetchOptional(r -> toPurchase(r, List.of(), false))
                .orElseThrow(() -> DomainException.notFound("sales.purchase.not-found", purchaseId));
        List<Purchase.Line> lines = dsl.select(SHOP_PURCHASE_LINE.asterisk(), SHOP_PRODUCT.CODE, SHOP_PRODUCT.NAME_EN, SHOP_PRODUCT.NAME_ID)
                .from(SHOP_PURCHASE_LINE).join(SHOP_PRODUCT).on(SHOP_PRODUCT.ID.eq(SHOP_PURCHASE_LINE.PRODUCT_ID))
                .where(SHOP_PURCHASE_LINE.PURCHASE_ID.eq(purchaseId)).orderBy(SHOP_PURCHASE_LINE.ID)
                .fetch(r -> new Purchase.Line(r.get(SHOP_PURCHASE_LINE.PRODUCT_ID), r.get(SHOP_PRODUCT.CODE), ShopCatalogue.name(r),
                        r.get(SHOP_PURCHASE_LINE.QUANTITY), r.get(SHOP_PURCHASE_LINE.UNIT_COST), r.get(SHOP_PURCHASE_LINE.AMOUNT)));
        return new Purchase(head.id(), head.number(), head.supplierMemberId(), head.supplierName(), head.valueDate(), head.total(),
                head.paid(), head.journalEntryId(), head.note(), lines, false);
    }

    private Optional<Purchase> byKey(long cooperativeId, String key) {
        return dsl.select(SHOP_PURCHASE.ID).from(SHOP_PURCHASE).where(SHOP_PURCHASE.COOPERATIVE_ID.eq(cooperativeId)
                .and(SHOP_PURCHASE.IDEMPOTENCY_KEY.eq(key))).fetchOptional(SHOP_PURCHASE.ID).map(id -> {
                    Purchase p = purchase(cooperativeId, id);
                    return new Purchase(p.id(), p.number(), p.supplierMemberId(), p.supplierName(), p.valueDate(), p.total(), p.paid(),
                            p.journalEntryId(), p.note(), p.lines(), true);
                });
    }

    /** Purchases with value dates in [from, to], newest first; of one supplying member if given. */
    public List<Purchase> purchases(long cooperativeId, @Nullable Long supplierMemberId, LocalDate from, LocalDate to, int offset, int limit) {
        DomainException.require(offset >= 0 && limit > 0 && limit <= SaleRows.MAX_PAGE, "page.invalid", SaleRows.MAX_PAGE);
        DomainException.require(from != null && to != null && !to.isBefore(from), "sales.period.invalid");
        var c = SHOP_PURCHASE.COOPERATIVE_ID.eq(cooperativeId).and(SHOP_PURCHASE.VALUE_DATE.between(from, to));
        if (supplierMemberId != null) {
            c = c.and(SHOP_PURCHASE.SUPPLIER_MEMBER_ID.eq(supplierMemberId));
        }
        return dsl.selectFrom(SHOP_PURCHASE).where(c).orderBy(SHOP_PURCHASE.VALUE_DATE.desc(), SHOP_PURCHASE.ID.desc())
                .offset(offset).limit(limit).fetch(r -> toPurchase(r, List.of(), false));
    }

    private static Purchase toPurchase(Record r, List<Purchase.Line> lines, boolean replayed) {
        return new Purchase(r.get(SHOP_PURCHASE.ID), r.get(SHOP_PURCHASE.NUMBER), r.get(SHOP_PURCHASE.SUPPLIER_MEMBER_ID),
                r.get(SHOP_PURCHASE.SUPPLIER_NAME), r.get(SHOP_PURCHASE.VALUE_DATE), r.get(SHOP_PURCHASE.TOTAL), r.get(SHOP_PURCHASE.PAID),
                r.get(SHOP_PURCHASE.JOURNAL_ENTRY_ID), r.get(SHOP_PURCHASE.NOTE), lines, replayed);
    }
}
