package org.lumbung.savings;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.lumbung.ledger.Account;
import org.lumbung.ledger.AccountType;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import static org.lumbung.db.jooq.Tables.SAVINGS_PRODUCT;

/** The savings products of a cooperative, created and retired by the chair (never deleted: accounts use them). */
@Service
@PreAuthorize("@access.may('SIGNED_IN')")
public class SavingsProducts {

    static final int MAX_PRODUCTS = 50;

    private final DSLContext dsl;
    private final ChartOfAccounts chart;

    public SavingsProducts(DSLContext dsl, ChartOfAccounts chart) {
        this.dsl = dsl;
        this.chart = chart;
    }

    @Transactional
    @PreAuthorize("@access.may('MANAGE_PRODUCTS')")
    public SavingsProduct create(long cooperativeId, NewSavingsProduct p) {
        check(p);
        DomainException.require(dsl.fetchCount(SAVINGS_PRODUCT, SAVINGS_PRODUCT.COOPERATIVE_ID.eq(cooperativeId)) < MAX_PRODUCTS,
                "savings.product.too-many", MAX_PRODUCTS);
        DomainException.require(!dsl.fetchExists(SAVINGS_PRODUCT, SAVINGS_PRODUCT.COOPERATIVE_ID.eq(cooperativeId)
                .and(SAVINGS_PRODUCT.CODE.eq(p.code()))), "savings.product.code-taken", p.code());
        DomainException.require(!dsl.fetchExists(SAVINGS_PRODUCT, SAVINGS_PRODUCT.COOPERATIVE_ID.eq(cooperativeId)
                .and(SAVINGS_PRODUCT.CONTROL_ACCOUNT.eq(p.controlAccount()))), "savings.product.account-taken", p.controlAccount());
        Account control = chart.find(cooperativeId, p.controlAccount())
                .orElseThrow(() -> DomainException.invalid("savings.product.account-unknown", p.controlAccount()));
        AccountType expected = p.kind().equity() ? AccountType.EQUITY : AccountType.LIABILITY;
        DomainException.require(control.type() == expected && control.memberId() == null && control.currency().equals(p.currency())
                        && control.debitsMustNotExceedCredits(),
                "savings.product.account-kind", p.controlAccount(), expected.name(), p.currency());
        String currency = p.currency();
        return dsl.insertInto(SAVINGS_PRODUCT)
                .set(SAVINGS_PRODUCT.COOPERATIVE_ID, cooperativeId)
                .set(SAVINGS_PRODUCT.CODE, p.code())
                .set(SAVINGS_PRODUCT.NAME_EN, p.nameEn().strip())
                .set(SAVINGS_PRODUCT.NAME_ID, p.nameId().strip())
                .set(SAVINGS_PRODUCT.KIND, p.kind().name())
                .set(SAVINGS_PRODUCT.CURRENCY, currency)
                .set(SAVINGS_PRODUCT.CONTROL_ACCOUNT, p.controlAccount())
                .set(SAVINGS_PRODUCT.FIXED_AMOUNT, entered(p.fixedAmount(), currency))
                .set(SAVINGS_PRODUCT.MANDATORY_AMOUNT, entered(p.mandatoryAmount(), currency))
                .set(SAVINGS_PRODUCT.MINIMUM_BALANCE, p.minimumBalance() == null || p.minimumBalance().signum() == 0
                        ? BigDecimal.ZERO : Amounts.requireEntered(p.minimumBalance(), currency))
                .set(SAVINGS_PRODUCT.INTEREST_RATE, p.interestRate())
                .set(SAVINGS_PRODUCT.INTEREST_METHOD, p.interestMethod().name())
                .set(SAVINGS_PRODUCT.INTEREST_POSTING, p.interestPosting().name())
                .set(SAVINGS_PRODUCT.TERM_MONTHS, p.termMonths())
                .set(SAVINGS_PRODUCT.EARLY_PENALTY_RATE, p.earlyPenaltyRate())
                .returning()
                .fetchOne(SavingsProducts::toProduct);
    }

    /** A retired product opens no new accounts; existing accounts go on as before. */
    @Transactional
    @PreAuthorize("@access.may('MANAGE_PRODUCTS')")
    public SavingsProduct setActive(long cooperativeId, long productId, boolean active) {
        product(cooperativeId, productId);
        return dsl.update(SAVINGS_PRODUCT).set(SAVINGS_PRODUCT.ACTIVE, active)
                .where(SAVINGS_PRODUCT.ID.eq(productId).and(SAVINGS_PRODUCT.COOPERATIVE_ID.eq(cooperativeId)))
                .returning().fetchOne(SavingsProducts::toProduct);
    }

    public List<SavingsProduct> products(long cooperativeId) {
        return dsl.selectFrom(SAVINGS_PRODUCT).where(SAVINGS_PRODUCT.COOPERATIVE_ID.eq(cooperativeId))
                .orderBy(SAVINGS_PRODUCT.KIND.sortAsc("SHARE", "MANDATORY", "VOLUNTARY", "TIME_DEPOSIT"), SAVINGS_PRODUCT.CODE)
                .limit(MAX_PRODUCTS).fetch(SavingsProducts::toProduct);
    }

    public SavingsProduct product(long cooperativeId, long productId) {
        return dsl.selectFrom(SAVINGS_PRODUCT)
                .where(SAVINGS_PRODUCT.ID.eq(productId).and(SAVINGS_PRODUCT.COOPERATIVE_ID.eq(cooperativeId)))
                .fetchOptional(SavingsProducts::toProduct)
                .orElseThrow(() -> DomainException.notFound("savings.product.not-found", productId));
    }

    private static void check(NewSavingsProduct p) {
        DomainException.require(p != null && p.code() != null && p.code().matches("[A-Z0-9][A-Z0-9-]{1,15}"),
                "savings.product.code-invalid", p == null ? "" : String.valueOf(p.code()));
        DomainException.require(p.nameEn() != null && !p.nameEn().isBlank() && p.nameEn().length() <= 120
                && p.nameId() != null && !p.nameId().isBlank() && p.nameId().length() <= 120, "savings.product.name-invalid");
        DomainException.require(p.kind() != null && p.interestMethod() != null && p.interestPosting() != null,
                "savings.product.incomplete");
        Amounts.currency(p.currency());
        DomainException.require(p.interestRate() != null && p.interestRate().signum() >= 0
                && p.interestRate().compareTo(BigDecimal.valueOf(100)) <= 0 && p.interestRate().scale() <= 4,
                "savings.product.rate-invalid");
        DomainException.require((p.interestMethod() == InterestMethod.NONE) == (p.interestRate().signum() == 0),
                "savings.product.rate-method");
        DomainException.require(!p.kind().equity() || p.interestMethod() == InterestMethod.NONE, "savings.product.equity-interest");
        DomainException.require((p.kind() == SavingsKind.SHARE) == (p.fixedAmount() != null), "savings.product.fixed-amount");
        DomainException.require((p.kind() == SavingsKind.MANDATORY) == (p.mandatoryAmount() != null),
                "savings.product.mandatory-amount");
        boolean timeDeposit = p.kind() == SavingsKind.TIME_DEPOSIT;
        DomainException.require(timeDeposit == (p.termMonths() != null && p.earlyPenaltyRate() != null),
                "savings.product.term");
        DomainException.require(!timeDeposit || (Objects.requireNonNull(p.termMonths()) >= 1 && p.termMonths() <= 120
                && Objects.requireNonNull(p.earlyPenaltyRate()).signum() >= 0
                && p.earlyPenaltyRate().compareTo(BigDecimal.valueOf(100)) <= 0),
                "savings.product.term");
        DomainException.require(p.minimumBalance() == null || p.minimumBalance().signum() >= 0, "savings.product.minimum");
    }

    private static @Nullable BigDecimal entered(@Nullable BigDecimal amount, String currency) {
        return amount == null ? null : Amounts.requireEntered(amount, currency);
    }

    static SavingsProduct toProduct(Record r) {
        String currency = r.get(SAVINGS_PRODUCT.CURRENCY);
        return new SavingsProduct(r.get(SAVINGS_PRODUCT.ID), r.get(SAVINGS_PRODUCT.COOPERATIVE_ID), r.get(SAVINGS_PRODUCT.CODE),
                r.get(SAVINGS_PRODUCT.NAME_EN), r.get(SAVINGS_PRODUCT.NAME_ID), SavingsKind.valueOf(r.get(SAVINGS_PRODUCT.KIND)),
                currency, r.get(SAVINGS_PRODUCT.CONTROL_ACCOUNT), normalise(r.get(SAVINGS_PRODUCT.FIXED_AMOUNT), currency),
                normalise(r.get(SAVINGS_PRODUCT.MANDATORY_AMOUNT), currency),
                Amounts.normalise(r.get(SAVINGS_PRODUCT.MINIMUM_BALANCE), currency),
                r.get(SAVINGS_PRODUCT.INTEREST_RATE).stripTrailingZeros(), InterestMethod.valueOf(r.get(SAVINGS_PRODUCT.INTEREST_METHOD)),
                InterestPosting.valueOf(r.get(SAVINGS_PRODUCT.INTEREST_POSTING)), r.get(SAVINGS_PRODUCT.TERM_MONTHS),
                r.get(SAVINGS_PRODUCT.EARLY_PENALTY_RATE), r.get(SAVINGS_PRODUCT.ACTIVE));
    }

    private static @Nullable BigDecimal normalise(@Nullable BigDecimal amount, String currency) {
        return amount == null ? null : Amounts.normalise(amount, currency);
    }
}
