package org.lumbung.sales;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.lumbung.ledger.ChartTemplates;
import org.lumbung.platform.DomainException;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.lumbung.db.jooq.Tables.COOPERATIVE;
import static org.lumbung.db.jooq.Tables.LEDGER_ACCOUNT;
import static org.lumbung.db.jooq.Tables.MEMBER;
import static org.lumbung.db.jooq.Tables.SHOP_PRODUCT;
import static org.lumbung.db.jooq.Tables.SHOP_SALE;
import static org.lumbung.db.jooq.Tables.SHOP_SALE_LINE;

/** Reads sales and returns with their customer's name and, for one sale, its lines. */
@Component
class SaleRows {

    static final int MAX_PAGE = 500;
    static final int MAX_DAYS = 3_660;

    private final DSLContext dsl;
    private final ChartTemplates templates;

    SaleRows(DSLContext dsl, ChartTemplates templates) {
        this.dsl = dsl;
        this.templates = templates;
    }

    /** Value dates within [from, to], both given, at most ten years apart. */
    static Condition period(LocalDate from, LocalDate to) {
        DomainException.require(from != null && to != null && !to.isBefore(from)
                && ChronoUnit.DAYS.between(from, to) <= MAX_DAYS, "sales.period.invalid");
        return SHOP_SALE.VALUE_DATE.between(from, to);
    }

    Optional<Sale> byKey(long cooperativeId, String key) {
        return dsl.select(SHOP_SALE.ID).from(SHOP_SALE)
                .where(SHOP_SALE.COOPERATIVE_ID.eq(cooperativeId).and(SHOP_SALE.IDEMPOTENCY_KEY.eq(key)))
                .fetchOptional(SHOP_SALE.ID).map(id -> withLines(sale(cooperativeId, id), true));
    }

    Sale sale(long cooperativeId, long saleId) {
        Sale head = heads(SHOP_SALE.COOPERATIVE_ID.eq(cooperativeId).and(SHOP_SALE.ID.eq(saleId)), 0, 1).stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("sales.sale.not-found", saleId));
        return withLines(head, false);
    }

    List<Sale> page(long cooperativeId, Condition condition, int offset, int limit) {
        DomainException.require(offset >= 0 && limit > 0 && limit <= MAX_PAGE, "page.invalid", MAX_PAGE);
        return heads(SHOP_SALE.COOPERATIVE_ID.eq(cooperativeId).and(condition), offset, limit);
    }

    /** A page as {@link #page}, each sale with its lines. */
    List<Sale> pageWithLines(long cooperativeId, Condition condition, int offset, int limit) {
        return withLines(page(cooperativeId, condition, offset, limit), false);
    }

    int count(long cooperativeId, Condition condition) {
        return dsl.fetchCount(SHOP_SALE, SHOP_SALE.COOPERATIVE_ID.eq(cooperativeId).and(condition));
    }

    private List<Sale> heads(Condition condition, int offset, int limit) {
        return dsl.select(SHOP_SALE.asterisk(), MEMBER.FULL_NAME).from(SHOP_SALE).leftJoin(MEMBER).on(MEMBER.ID.eq(SHOP_SALE.MEMBER_ID))
                .where(condition).orderBy(SHOP_SALE.VALUE_DATE.desc(), SHOP_SALE.ID.desc()).offset(offset).limit(limit)
                .fetch(SaleRows::toSale);
    }

    private static Sale toSale(Record r) {
        return new Sale(r.get(SHOP_SALE.ID), r.get(SHOP_SALE.RECEIPT_NUMBER), Sale.Kind.valueOf(r.get(SHOP_SALE.KIND)),
                r.get(SHOP_SALE.ORIGINAL_SALE_ID), r.get(SHOP_SALE.MEMBER_ID), r.get(MEMBER.FULL_NAME),
                Payment.valueOf(r.get(SHOP_SALE.PAYMENT)), r.get(SHOP_SALE.VALUE_DATE), r.get(SHOP_SALE.GROSS),
                r.get(SHOP_SALE.DISCOUNT), r.get(SHOP_SALE.TOTAL), r.get(SHOP_SALE.COST), r.get(SHOP_SALE.JOURNAL_ENTRY_ID),
                r.get(SHOP_SALE.NOTE), r.get(SHOP_SALE.RECORDED_BY), r.get(SHOP_SALE.RECORDED_AT).toInstant(), List.of(), false);
    }

    private Sale withLines(Sale s, boolean replayed) {
        return withLines(List.of(s), replayed).get(0);
    }

    /** The sales with their lines, read in one query (a page of a member's purchases, one receipt). */
    private List<Sale> withLines(List<Sale> heads, boolean replayed) {
        Map<Long, List<Sale.Line>> lines = dsl.select(SHOP_SALE_LINE.asterisk(), SHOP_PRODUCT.CODE, SHOP_PRODUCT.NAME_EN,
                        SHOP_PRODUCT.NAME_ID, SHOP_PRODUCT.UNIT)
                .from(SHOP_SALE_LINE).join(SHOP_PRODUCT).on(SHOP_PRODUCT.ID.eq(SHOP_SALE_LINE.PRODUCT_ID))
                .where(SHOP_SALE_LINE.SALE_ID.in(heads.stream().map(Sale::id).toList()))
                .orderBy(SHOP_SALE_LINE.SALE_ID, SHOP_SALE_LINE.LINE_NUMBER)
                .fetchGroups(r -> r.get(SHOP_SALE_LINE.SALE_ID), r -> new Sale.Line(r.get(SHOP_SALE_LINE.ID),
                        r.get(SHOP_SALE_LINE.LINE_NUMBER), r.get(SHOP_SALE_LINE.PRODUCT_ID), r.get(SHOP_PRODUCT.CODE),
                        ShopCatalogue.name(r), r.get(SHOP_PRODUCT.UNIT), r.get(SHOP_SALE_LINE.QUANTITY),
                        r.get(SHOP_SALE_LINE.UNIT_PRICE), r.get(SHOP_SALE_LINE.DISCOUNT), r.get(SHOP_SALE_LINE.AMOUNT),
                        r.get(SHOP_SALE_LINE.COST), r.get(SHOP_SALE_LINE.RETURNED_QUANTITY)));
        return heads.stream().map(s -> new Sale(s.id(), s.receiptNumber(), s.kind(), s.originalSaleId(), s.memberId(), s.memberName(),
                s.payment(), s.valueDate(), s.gross(), s.discount(), s.total(), s.cost(), s.journalEntryId(), s.note(),
                s.recordedBy(), s.recordedAt(), lines.getOrDefault(s.id(), List.of()), replayed)).toList();
    }

    /**
     * What the member owes the shop on credit: her sub-account of the shop receivable (the one account in her name
     * under the receivable's control account), zero when she never bought on credit.
     */
    BigDecimal owed(long cooperativeId, long memberId) {
        String template = dsl.select(COOPERATIVE.CHART_TEMPLATE).from(COOPERATIVE).where(COOPERATIVE.ID.eq(cooperativeId))
                .fetchOptional(COOPERATIVE.CHART_TEMPLATE).orElseThrow(() -> DomainException.notFound("cooperative.not-found", cooperativeId));
        var parent = LEDGER_ACCOUNT.as("parent");
        return dsl.select(LEDGER_ACCOUNT.DEBIT_TOTAL.minus(LEDGER_ACCOUNT.CREDIT_TOTAL)).from(LEDGER_ACCOUNT)
                .join(parent).on(parent.ID.eq(LEDGER_ACCOUNT.PARENT_ID))
                .where(LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId).and(LEDGER_ACCOUNT.MEMBER_ID.eq(memberId))
                        .and(parent.CODE.eq(templates.code(template, SalesAccountRole.SHOP_MEMBER_CREDIT))))
                .fetchOptional(0, BigDecimal.class).orElse(BigDecimal.ZERO);
    }

    /** Per member, the total of one kind of sale with value dates in [from, to]. */
    Map<Long, BigDecimal> totalsByMember(long cooperativeId, Sale.Kind kind, LocalDate from, LocalDate to) {
        return dsl.select(SHOP_SALE.MEMBER_ID, DSL.sum(SHOP_SALE.TOTAL)).from(SHOP_SALE)
                .where(SHOP_SALE.COOPERATIVE_ID.eq(cooperativeId).and(SHOP_SALE.KIND.eq(kind.name()))
                        .and(SHOP_SALE.MEMBER_ID.isNotNull()).and(SHOP_SALE.VALUE_DATE.between(from, to)))
                .groupBy(SHOP_SALE.MEMBER_ID).fetch().stream()
                .collect(Collectors.toMap(r -> r.value1(), r -> r.value2()));
    }
}
