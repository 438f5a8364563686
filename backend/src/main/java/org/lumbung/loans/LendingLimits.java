package org.lumbung.loans;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.platform.DomainException;
import org.lumbung.security.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.lumbung.db.jooq.Tables.LEDGER_ACCOUNT;
import static org.lumbung.db.jooq.Tables.LOAN;
import static org.lumbung.db.jooq.Tables.LOAN_INSIDER;
import static org.lumbung.db.jooq.Tables.LOAN_SETTINGS;
import static org.lumbung.db.jooq.Tables.MEMBER;

/**
 * The legal lending limit (batas maksimum pemberian pinjaman): a borrower's outstanding loans plus a new one at
 * most a part of the cooperative's modal sendiri, a lower part for insiders (board, supervisors, their
 * relations).
 *
 * <p>Why a row lock and not a ledger {@link org.lumbung.ledger.Precondition}: the exposure is the sum of the
 * borrower's other loans' sub-accounts, which the disbursement's entry does not touch, so the ledger does not
 * lock them, and a precondition may not read the database. Instead every event that raises a member's exposure
 * first locks the member's row ({@code FOR NO KEY UPDATE}, which foreign-key checks do not wait for) in its own
 * transaction and reads the exposure after it: two concurrent disbursements to one borrower then run one after
 * the other, and the second sees the first's loan. The member row comes before the ledger's head and accounts,
 * and nothing locks them in the other order, so this adds no deadlock.
 */
@Service
@PreAuthorize("@access.may('READ_LOANS')")
public class LendingLimits {

    static final BigDecimal DEFAULT_LIMIT = BigDecimal.valueOf(20);
    static final BigDecimal DEFAULT_INSIDER_LIMIT = BigDecimal.valueOf(10);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final DSLContext dsl;
    private final ChartOfAccounts chart;

    public LendingLimits(DSLContext dsl, ChartOfAccounts chart) {
        this.dsl = dsl;
        this.chart = chart;
    }

    public LendingSettings settings(long cooperativeId) {
        return dsl.selectFrom(LOAN_SETTINGS).where(LOAN_SETTINGS.COOPERATIVE_ID.eq(cooperativeId))
                .fetchOptional(r -> new LendingSettings(r.getLendingLimitPercent().stripTrailingZeros(),
                        r.getInsiderLimitPercent().stripTrailingZeros()))
                .orElse(new LendingSettings(DEFAULT_LIMIT, DEFAULT_INSIDER_LIMIT));
    }

    @Transactional
    @PreAuthorize("@access.may('MANAGE_LOAN_PRODUCTS')")
    public LendingSettings update(long cooperativeId, LendingSettings s) {
        DomainException.require(s != null && percent(s.limitPercent()) && percent(s.insiderLimitPercent())
                && s.insiderLimitPercent().compareTo(s.limitPercent()) <= 0, "loans.limit.settings");
        dsl.insertInto(LOAN_SETTINGS)
                .set(LOAN_SETTINGS.COOPERATIVE_ID, cooperativeId)
                .set(LOAN_SETTINGS.LENDING_LIMIT_PERCENT, s.limitPercent())
                .set(LOAN_SETTINGS.INSIDER_LIMIT_PERCENT, s.insiderLimitPercent())
                .set(LOAN_SETTINGS.UPDATED_BY, CurrentActor.name())
                .onConflict(LOAN_SETTINGS.COOPERATIVE_ID).doUpdate()
                .set(LOAN_SETTINGS.LENDING_LIMIT_PERCENT, s.limitPercent())
                .set(LOAN_SETTINGS.INSIDER_LIMIT_PERCENT, s.insiderLimitPercent())
                .set(LOAN_SETTINGS.UPDATED_BY, CurrentActor.name())
                .set(LOAN_SETTINGS.UPDATED_AT, DSL.currentOffsetDateTime())
                .execute();
        return settings(cooperativeId);
    }

    private static boolean percent(BigDecimal p) {
        return p != null && p.signum() > 0 && p.compareTo(HUNDRED) <= 0 && p.stripTrailingZeros().scale() <= 4;
    }

    /** Marks a member as an insider (board, supervisor or a relation of one), or takes the mark off (null). */
    @Transactional
    @PreAuthorize("@access.may('MANAGE_LOAN_PRODUCTS')")
    public void setInsider(long cooperativeId, long memberId, InsiderRelation relation) {
        DomainException.require(dsl.fetchExists(MEMBER, MEMBER.ID.eq(memberId).and(MEMBER.COOPERATIVE_ID.eq(cooperativeId))),
                "member.not-found", memberId);
        dsl.deleteFrom(LOAN_INSIDER).where(LOAN_INSIDER.MEMBER_ID.eq(memberId)
                .and(LOAN_INSIDER.COOPERATIVE_ID.eq(cooperativeId))).execute();
        if (relation != null) {
            dsl.insertInto(LOAN_INSIDER).set(LOAN_INSIDER.COOPERATIVE_ID, cooperativeId)
                    .set(LOAN_INSIDER.MEMBER_ID, memberId).set(LOAN_INSIDER.RELATION, relation.name())
                    .set(LOAN_INSIDER.RECORDED_BY, CurrentActor.name()).execute();
        }
    }

    /**
     * Locks the borrower (see the class comment) and refuses {@code amount} more unless the borrower's active
     * loans plus it stay within the limit; an override decided by a second person lets it through. Must run in
     * the transaction that then books the loan.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void requireWithinLimit(long cooperativeId, long memberId, BigDecimal amount, boolean overridden) {
        lockBorrower(cooperativeId, memberId);
        if (overridden) {
            return;
        }
        boolean insider = dsl.fetchExists(LOAN_INSIDER, LOAN_INSIDER.MEMBER_ID.eq(memberId)
                .and(LOAN_INSIDER.COOPERATIVE_ID.eq(cooperativeId)));
        LendingSettings s = settings(cooperativeId);
        BigDecimal percent = insider ? s.insiderLimitPercent() : s.limitPercent();
        BigDecimal limit = chart.ownCapital(cooperativeId).max(BigDecimal.ZERO).multiply(percent)
                .divide(HUNDRED, 4, RoundingMode.DOWN);
        BigDecimal exposure = exposure(cooperativeId, memberId).add(amount);
        if (exposure.compareTo(limit) > 0) {
            throw DomainException.invalid(insider ? "loans.limit.insider-exceeded" : "loans.limit.exceeded",
                    exposure.toPlainString(), limit.toPlainString(), percent.toPlainString());
        }
    }

    /** Serialises everything that changes one member's loans: applications, disbursements. */
    @Transactional(propagation = Propagation.MANDATORY)
    void lockBorrower(long cooperativeId, long memberId) {
        dsl.select(MEMBER.ID).from(MEMBER).where(MEMBER.ID.eq(memberId).and(MEMBER.COOPERATIVE_ID.eq(cooperativeId)))
                .forNoKeyUpdate().fetchOptional()
                .orElseThrow(() -> DomainException.notFound("member.not-found", memberId));
    }

    /** What the borrower owes in principal on her active loans: their portfolio sub-accounts' balances. */
    BigDecimal exposure(long cooperativeId, long memberId) {
        BigDecimal total = dsl.select(DSL.sum(LEDGER_ACCOUNT.DEBIT_TOTAL.minus(LEDGER_ACCOUNT.CREDIT_TOTAL)))
                .from(LOAN).join(LEDGER_ACCOUNT).on(LEDGER_ACCOUNT.ID.eq(LOAN.LEDGER_ACCOUNT_ID))
                .where(LOAN.MEMBER_ID.eq(memberId).and(LOAN.COOPERATIVE_ID.eq(cooperativeId))
                        .and(LOAN.STATUS.eq(LoanStatus.ACTIVE.name())))
                .fetchOne(0, BigDecimal.class);
        return total == null ? BigDecimal.ZERO : total;
    }
}
