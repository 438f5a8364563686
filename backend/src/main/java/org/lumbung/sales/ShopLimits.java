package org.lumbung.sales;

import org.jooq.DSLContext;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.members.MemberService;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.lumbung.security.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;

import static org.lumbung.db.jooq.Tables.SHOP_CREDIT_LIMIT;
import static org.lumbung.db.jooq.Tables.SHOP_SETTINGS;

/** The shop's discount limit and members' credit limits (the chair's), with defaults for a shop never set up. */
@Service
@PreAuthorize("@access.may('READ_SHOP')")
public class ShopLimits {

    static final ShopSettings DEFAULTS = new ShopSettings(BigDecimal.TEN, new BigDecimal("500000"));
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final DSLContext dsl;
    private final CooperativeService cooperatives;
    private final MemberService members;

    ShopLimits(DSLContext dsl, CooperativeService cooperatives, MemberService members) {
        this.dsl = dsl;
        this.cooperatives = cooperatives;
        this.members = members;
    }

    public ShopSettings settings(long cooperativeId) {
        return dsl.selectFrom(SHOP_SETTINGS).where(SHOP_SETTINGS.COOPERATIVE_ID.eq(cooperativeId))
                .fetchOptional(r -> new ShopSettings(r.getMaxDiscountPercent().stripTrailingZeros(), r.getDefaultCreditLimit()))
                .orElse(DEFAULTS);
    }

    @Transactional
    @PreAuthorize("@access.may('SET_SHOP_LIMITS')")
    public ShopSettings update(long cooperativeId, ShopSettings s) {
        DomainException.require(s != null && s.maxDiscountPercent() != null && s.maxDiscountPercent().signum() >= 0
                && s.maxDiscountPercent().compareTo(HUNDRED) <= 0 && s.maxDiscountPercent().scale() <= 4, "sales.discount.limit.invalid");
        BigDecimal credit = limit(cooperativeId, s.defaultCreditLimit());
        dsl.insertInto(SHOP_SETTINGS).set(SHOP_SETTINGS.COOPERATIVE_ID, cooperativeId)
                .set(SHOP_SETTINGS.MAX_DISCOUNT_PERCENT, s.maxDiscountPercent()).set(SHOP_SETTINGS.DEFAULT_CREDIT_LIMIT, credit)
                .set(SHOP_SETTINGS.UPDATED_BY, CurrentActor.name())
                .onConflict(SHOP_SETTINGS.COOPERATIVE_ID).doUpdate()
                .set(SHOP_SETTINGS.MAX_DISCOUNT_PERCENT, s.maxDiscountPercent()).set(SHOP_SETTINGS.DEFAULT_CREDIT_LIMIT, credit)
                .set(SHOP_SETTINGS.UPDATED_BY, CurrentActor.name()).execute();
        return settings(cooperativeId);
    }

    /** What the member may owe the shop at most: her own limit, else the shop's default. */
    public BigDecimal creditLimit(long cooperativeId, long memberId) {
        return dsl.select(SHOP_CREDIT_LIMIT.CREDIT_LIMIT).from(SHOP_CREDIT_LIMIT)
                .where(SHOP_CREDIT_LIMIT.MEMBER_ID.eq(memberId).and(SHOP_CREDIT_LIMIT.COOPERATIVE_ID.eq(cooperativeId)))
                .fetchOptional(SHOP_CREDIT_LIMIT.CREDIT_LIMIT).orElseGet(() -> settings(cooperativeId).defaultCreditLimit());
    }

    /** Sets a member's own credit limit: she is a member of this cooperative; zero allows her no credit. */
    @Transactional
    @PreAuthorize("@access.may('SET_SHOP_LIMITS')")
    public void setCreditLimit(long cooperativeId, long memberId, BigDecimal creditLimit) {
        members.member(cooperativeId, memberId);
        BigDecimal l = limit(cooperativeId, creditLimit);
        dsl.insertInto(SHOP_CREDIT_LIMIT).set(SHOP_CREDIT_LIMIT.MEMBER_ID, memberId).set(SHOP_CREDIT_LIMIT.COOPERATIVE_ID, cooperativeId)
                .set(SHOP_CREDIT_LIMIT.CREDIT_LIMIT, l).set(SHOP_CREDIT_LIMIT.UPDATED_BY, CurrentActor.name())
                .onConflict(SHOP_CREDIT_LIMIT.MEMBER_ID).doUpdate()
                .set(SHOP_CREDIT_LIMIT.CREDIT_LIMIT, l).set(SHOP_CREDIT_LIMIT.UPDATED_BY, CurrentActor.name()).execute();
    }

    /** A limit: zero (no credit) or an amount of the cooperative's currency. */
    private BigDecimal limit(long cooperativeId, BigDecimal amount) {
        DomainException.require(amount != null, "money.amount.missing");
        return amount.signum() == 0 ? BigDecimal.ZERO : Amounts.requireEntered(amount, cooperatives.byId(cooperativeId).baseCurrency());
    }

    /** The largest discount a line of this gross amount may get under that percentage. */
    static BigDecimal maxDiscount(BigDecimal percent, BigDecimal lineGross, String currency) {
        return Amounts.round(lineGross.multiply(percent).divide(HUNDRED), currency);
    }
}
