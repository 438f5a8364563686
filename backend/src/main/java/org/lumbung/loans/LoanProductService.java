package org.lumbung.loans;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.db.jooq.tables.records.LoanProductRecord;
import org.lumbung.loans.schedule.AllocationOrder;
import org.lumbung.loans.schedule.DayCount;
import org.lumbung.loans.schedule.Fee;
import org.lumbung.loans.schedule.FeeKind;
import org.lumbung.loans.schedule.FeeTiming;
import org.lumbung.loans.schedule.InterestMethod;
import org.lumbung.loans.schedule.LoanTerms;
import org.lumbung.loans.schedule.PenaltyKind;
import org.lumbung.loans.schedule.PenaltyRule;
import org.lumbung.loans.schedule.PrepaymentRule;
import org.lumbung.loans.schedule.RatePeriod;
import org.lumbung.loans.schedule.RepaymentFrequency;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import static org.lumbung.db.jooq.Tables.LOAN_PRODUCT;

/**
 * The loan products of a cooperative, created and edited by the chair. A product is never deleted (loans
 * name it); editing it changes only loans applied for afterwards, because a loan copies its terms.
 */
@Service
@PreAuthorize("@access.may('READ_LOANS')")
public class LoanProductService {

    static final int MAX_PRODUCTS = 100;
    static final int MAX_ACTIVE_LOANS = 20;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Any date serves to let LoanTerms check a product's rate, grace and rounding: they do not depend on it. */
    private static final LocalDate PROBE = LocalDate.of(2000, 1, 1);

    private final DSLContext dsl;
    private final CooperativeService cooperatives;

    public LoanProductService(DSLContext dsl, CooperativeService cooperatives) {
        this.dsl = dsl;
        this.cooperatives = cooperatives;
    }

    @Transactional
    @PreAuthorize("@access.may('MANAGE_LOAN_PRODUCTS')")
    public LoanProduct create(long cooperativeId, NewLoanProduct p) {
        NewLoanProduct checked = checked(cooperativeId, p);
        DomainException.require(dsl.fetchCount(LOAN_PRODUCT, LOAN_PRODUCT.COOPERATIVE_ID.eq(cooperativeId)) < MAX_PRODUCTS,
                "loans.product.too-many", MAX_PRODUCTS);
        DomainException.require(!dsl.fetchExists(LOAN_PRODUCT, LOAN_PRODUCT.COOPERATIVE_ID.eq(cooperativeId)
                .and(LOAN_PRODUCT.CODE.eq(checked.code()))), "loans.product.code-taken", checked.code());
        LoanProductRecord r = dsl.newRecord(LOAN_PRODUCT);
        r.setCooperativeId(cooperativeId);
        r.setCode(checked.code());
        fill(r, checked);
        r.store();
        return product(cooperativeId, r.getId());
    }

    /** Changes a product's settings (not its code); loans already applied for keep the terms they copied. */
    @Transactional
    @PreAuthorize("@access.may('MANAGE_LOAN_PRODUCTS')")
    public LoanProduct edit(long cooperativeId, long productId, NewLoanProduct p) {
        LoanProduct existing = product(cooperativeId, productId);
        DomainException.require(p != null && existing.code().equals(p.code()), "loans.product.code-fixed", existing.code());
        NewLoanProduct checked = checked(cooperativeId, p);
        LoanProductRecord r = dsl.fetchOne(LOAN_PRODUCT, LOAN_PRODUCT.ID.eq(productId));
        fill(r, checked);
        r.store();
        return product(cooperativeId, productId);
    }

    /** A retired product takes no new applications; its loans go on as before. */
    @Transactional
    @PreAuthorize("@access.may('MANAGE_LOAN_PRODUCTS')")
    public LoanProduct setActive(long cooperativeId, long productId, boolean active) {
        product(cooperativeId, productId);
        dsl.update(LOAN_PRODUCT).set(LOAN_PRODUCT.ACTIVE, active)
                .where(LOAN_PRODUCT.ID.eq(productId).and(LOAN_PRODUCT.COOPERATIVE_ID.eq(cooperativeId))).execute();
        return product(cooperativeId, productId);
    }

    public List<LoanProduct> products(long cooperativeId) {
        return dsl.selectFrom(LOAN_PRODUCT).where(LOAN_PRODUCT.COOPERATIVE_ID.eq(cooperativeId))
                .orderBy(LOAN_PRODUCT.ACTIVE.desc(), LOAN_PRODUCT.CODE).limit(MAX_PRODUCTS)
                .fetch(LoanProductService::toProduct);
    }

    public LoanProduct product(long cooperativeId, long productId) {
        return dsl.selectFrom(LOAN_PRODUCT)
                .where(LOAN_PRODUCT.ID.eq(productId).and(LOAN_PRODUCT.COOPERATIVE_ID.eq(cooperativeId)))
                .fetchOptional(LoanProductService::toProduct)
                .orElseThrow(() -> DomainException.notFound("loans.product.not-found", productId));
    }

    // --- checks ------------------------------------------------------------------------------------

    /** The product's invariants, asserted before it is written; returns it with its defaults filled in. */
    private NewLoanProduct checked(long cooperativeId, NewLoanProduct p) {
        DomainException.require(p != null && p.code() != null && p.code().matches("[A-Z0-9][A-Z0-9-]{1,15}"),
                "loans.product.code-invalid", p == null ? "" : String.valueOf(p.code()));
        DomainException.require(validName(p.nameEn()) && validName(p.nameId()), "loans.product.name-invalid");
        DomainException.require(p.interestMethod() != null && p.ratePeriod() != null && p.frequency() != null
                && p.dayCount() != null, "loans.product.incomplete");
        String currency = Amounts.currency(p.currency()).getCurrencyCode();
        DomainException.require(currency.equals(cooperatives.byId(cooperativeId).baseCurrency()),
                "loans.product.currency", currency);
        DomainException.require(p.minInstalments() >= 1 && p.minInstalments() <= p.maxInstalments()
                && p.maxInstalments() <= LoanTerms.MAX_INSTALMENTS, "loans.product.instalments", LoanTerms.MAX_INSTALMENTS);
        BigDecimal min = Amounts.requireEntered(p.minAmount(), currency);
        BigDecimal max = Amounts.requireEntered(p.maxAmount(), currency);
        DomainException.require(min.compareTo(max) <= 0, "loans.product.amounts");
        BigDecimal rounding = p.instalmentRounding() == null ? LoanTerms.defaultRounding(currency) : p.instalmentRounding();
        // the smallest loan with the fewest instalments must be schedulable: LoanTerms checks rate, grace, rounding
        new LoanTerms(min, currency, p.interestMethod(), p.interestRate(), p.ratePeriod(), p.minInstalments(),
                p.frequency(), LoanTerms.defaultDisbursementDate(PROBE, p.frequency()), PROBE, p.graceOnPrincipal(),
                p.graceOnInterest(), p.dayCount(), rounding);
        DomainException.require(p.graceOnInterest() <= p.graceOnPrincipal(), "loans.product.grace");
        requireFee(p.fee(), currency);
        requirePenalty(p.penalty(), currency);
        DomainException.require(p.maxActiveLoans() >= 1 && p.maxActiveLoans() <= MAX_ACTIVE_LOANS,
                "loans.product.max-active", MAX_ACTIVE_LOANS);
        BigDecimal savings = p.requiredSavingsPercent() == null ? BigDecimal.ZERO : p.requiredSavingsPercent();
        DomainException.require(savings.signum() >= 0 && savings.compareTo(HUNDRED) <= 0
                && savings.stripTrailingZeros().scale() <= 4, "loans.product.required-savings");
        return new NewLoanProduct(p.code(), p.nameEn().strip(), p.nameId().strip(), currency, p.interestMethod(),
                p.interestRate(), p.ratePeriod(), p.frequency(), p.minInstalments(), p.maxInstalments(), min, max,
                p.graceOnPrincipal(), p.graceOnInterest(), p.dayCount(), rounding, p.fee(), p.penalty(),
                p.allocationOrder() == null ? AllocationOrder.PENALTY_FEES_INTEREST_PRINCIPAL : p.allocationOrder(),
                p.prepaymentRule() == null ? PrepaymentRule.INTEREST_TO_PAYMENT_DATE : p.prepaymentRule(),
                p.accruesInterest(), p.maxActiveLoans(), savings);
    }

    private static boolean validName(String name) {
        return name != null && !name.isBlank() && name.length() <= 120;
    }

    /** A fee is worth stating only when it is more than nothing; a fixed one in the currency's minor units. */
    private static void requireFee(@Nullable Fee fee, String currency) {
        if (fee != null) {
            DomainException.require(fee.value().signum() > 0, "loans.product.fee-zero");
            if (fee.kind() == FeeKind.FIXED) {
                Amounts.requireEntered(fee.value(), currency);
            }
        }
    }

    private static void requirePenalty(@Nullable PenaltyRule penalty, String currency) {
        if (penalty != null) {
            DomainException.require(penalty.value().signum() > 0, "loans.product.penalty-zero");
            if (penalty.kind() == PenaltyKind.FIXED) {
                Amounts.requireEntered(penalty.value(), currency);
            }
            if (penalty.cap() != null) {
                Amounts.requireEntered(penalty.cap(), currency);
            }
        }
    }

    private static void fill(LoanProductRecord r, NewLoanProduct p) {
        r.setNameEn(p.nameEn());
        r.setNameId(p.nameId());
        r.setCurrency(p.currency());
        r.setInterestMethod(p.interestMethod().name());
        r.setInterestRate(p.interestRate());
        r.setRatePeriod(p.ratePeriod().name());
        r.setFrequency(p.frequency().name());
        r.setMinInstalments(p.minInstalments());
        r.setMaxInstalments(p.maxInstalments());
        r.setMinAmount(p.minAmount());
        r.setMaxAmount(p.maxAmount());
        r.setGracePrincipal(p.graceOnPrincipal());
        r.setGraceInterest(p.graceOnInterest());
        r.setDayCount(p.dayCount().name());
        r.setInstalmentRounding(p.instalmentRounding());
        r.setFeeKind(p.fee() == null ? "NONE" : p.fee().kind().name());
        r.setFeeValue(p.fee() == null ? BigDecimal.ZERO : p.fee().value());
        r.setFeeTiming(p.fee() == null ? FeeTiming.DEDUCTED_AT_DISBURSEMENT.name() : p.fee().timing().name());
        r.setPenaltyKind(p.penalty() == null ? "NONE" : p.penalty().kind().name());
        r.setPenaltyValue(p.penalty() == null ? BigDecimal.ZERO : p.penalty().value());
        r.setPenaltyGraceDays(p.penalty() == null ? 0 : p.penalty().graceDays());
        r.setPenaltyCap(p.penalty() == null ? null : p.penalty().cap());
        // checked() filled in both defaults
        r.setAllocationOrder(Objects.requireNonNull(p.allocationOrder()).name());
        r.setPrepaymentRule(Objects.requireNonNull(p.prepaymentRule()).name());
        r.setAccruesInterest(p.accruesInterest());
        r.setMaxActiveLoans(p.maxActiveLoans());
        r.setRequiredSavingsPercent(p.requiredSavingsPercent());
    }

    static LoanProduct toProduct(Record record) {
        LoanProductRecord r = record.into(LOAN_PRODUCT);
        String currency = r.getCurrency();
        return new LoanProduct(r.getId(), r.getCooperativeId(), r.getCode(), r.getNameEn(), r.getNameId(), currency,
                InterestMethod.valueOf(r.getInterestMethod()), r.getInterestRate().stripTrailingZeros(),
                RatePeriod.valueOf(r.getRatePeriod()), RepaymentFrequency.valueOf(r.getFrequency()), r.getMinInstalments(),
                r.getMaxInstalments(), Amounts.normalise(r.getMinAmount(), currency), Amounts.normalise(r.getMaxAmount(), currency),
                r.getGracePrincipal(), r.getGraceInterest(), DayCount.valueOf(r.getDayCount()),
                Amounts.normalise(r.getInstalmentRounding(), currency),
                fee(r.getFeeKind(), r.getFeeValue(), r.getFeeTiming()),
                penalty(r.getPenaltyKind(), r.getPenaltyValue(), r.getPenaltyGraceDays(), r.getPenaltyCap()),
                AllocationOrder.valueOf(r.getAllocationOrder()), PrepaymentRule.valueOf(r.getPrepaymentRule()),
                r.getAccruesInterest(), r.getMaxActiveLoans(), r.getRequiredSavingsPercent().stripTrailingZeros(),
                r.getActive());
    }

    /** The fee as stored on a product or a loan (kind NONE: no fee). */
    static @Nullable Fee fee(String kind, BigDecimal value, String timing) {
        return "NONE".equals(kind) ? null
                : new Fee(FeeKind.valueOf(kind), value.stripTrailingZeros(), FeeTiming.valueOf(timing));
    }

    /** The penalty rule as stored on a product or a loan (kind NONE: no penalty). */
    static @Nullable PenaltyRule penalty(String kind, BigDecimal value, int graceDays, @Nullable BigDecimal cap) {
        return "NONE".equals(kind) ? null : new PenaltyRule(PenaltyKind.valueOf(kind), value.stripTrailingZeros(),
                graceDays, cap == null ? null : cap.stripTrailingZeros());
    }
}
