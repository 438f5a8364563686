package org.lumbung.loans;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.platform.DomainException;
import org.lumbung.security.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
    static final int MAX_INSIDERS = 500;
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

    /** The cooperative's insiders in member-number order (at most {@link #MAX_INSIDERS}: a board and its families). */
    public List<Insider> insiders(long cooperativeId) {
        return dsl.select(MEMBER.ID, MEMBER.MEMBER_NUMBER, MEMBER.FULL_NAME, LOAN_INSIDER.RELATION, LOAN_INSIDER.RECORDED_BY)
                .from(LOAN_INSIDER).join(MEMBER).on(MEMBER.ID.eq(LOAN_INSIDER.MEMBER_ID).and(MEMBER.COOPERATIVE_ID.eq(LOAN_INSIDER.COOPERATIVE_ID)))
                .where(LOAN_INSIDER.COOPERATIVE_ID.eq(cooperativeId)).orderBy(MEMBER.MEMBER_NUMBER).limit(MAX_INSIDERS)
                .fetch(r -> new Insider(r.value1(), r.value2(), r.value3(), InsiderRelation.valueOf(r.value4()), r.value5()));
    }

    /** Marks a member as an insider (board, supervisor or a relation of one), or takes the mark off (null). */
    @Transactional
    @PreAuthorize("@access.may('MANAGE_LOAN_PRODUCTS')")
    public void setInsider(long cooperativeId, long memberId, @Nullable InsiderRelation relation) {
        DomainException.require(dsl.fetchExists(MEMBER, MEMBER.ID.eq(memberId).and(MEMBER.COOPERATIVE_ID.eq(cooperativeId))),
                "member.not-found", memberId);
        dsl.deleteFrom(LOAN_INSIDER).where(LOAN_INSIDER.MEMBER_ID.eq(memberId)
                .and(LOAN_INSIDER.COOPERATIVE_ID.eq(cooperativeId))).execute();
        if (relation != null) {
            DomainException.require(dsl.fetchCount(LOAN_INSIDER, LOAN_INSIDER.COOPERATIVE_ID.eq(cooperativeId)) < MAX_INSIDERS,
                    "loans.insider.too-many", MAX_INSIDERS);
            dsl.insertInto(LOAN_INSIDER).set(LOAN_INSIDER.COOPERATIVE_ID, cooperativeId)
                    .set(LOAN_INSIDER.MEMBER_ID, memberId).set(LOAN_INSIDER.RELATION, relation.name())
                    .set(LOAN_INSIDER.RECORDED_BY, CurrentActor.name()).execute();
        }
    }

    /**
     * Locks the borrowers (see the class comment; in id order, so two groups sharing borrowers cannot
     * deadlock) and reads once what their limit checks need. Must run in the transaction that then books
     * the loans.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Exposures lockAndRead(long cooperativeId, Collection<Long> memberIds) {
        lockBorrowers(cooperativeId, memberIds);
        Set<Long> insiders = new HashSet<>(dsl.select(LOAN_INSIDER.MEMBER_ID).from(LOAN_INSIDER)
                .where(LOAN_INSIDER.COOPERATIVE_ID.eq(cooperativeId).and(LOAN_INSIDER.MEMBER_ID.in(memberIds)))
                .fetch(LOAN_INSIDER.MEMBER_ID));
        Map<Long, BigDecimal> exposures = new HashMap<>(dsl.select(LOAN.MEMBER_ID, DSL.sum(LEDGER_ACCOUNT.DEBIT_TOTAL.minus(LEDGER_ACCOUNT.CREDIT_TOTAL)))
                .from(LOAN).join(LEDGER_ACCOUNT).on(LEDGER_ACCOUNT.ID.eq(LOAN.LEDGER_ACCOUNT_ID))
                .where(LOAN.MEMBER_ID.in(memberIds).and(LOAN.COOPERATIVE_ID.eq(cooperativeId))
                        .and(LOAN.STATUS.eq(LoanStatus.ACTIVE.name())))
                .groupBy(LOAN.MEMBER_ID).fetchMap(LOAN.MEMBER_ID, DSL.sum(LEDGER_ACCOUNT.DEBIT_TOTAL.minus(LEDGER_ACCOUNT.CREDIT_TOTAL))));
        return new Exposures(settings(cooperativeId), chart.ownCapital(cooperativeId).max(BigDecimal.ZERO), insiders, exposures);
    }

    /**
     * A group's limit checks, read once under the borrowers' locks: each loan refused unless the borrower's
     * active loans plus it stay within the limit (an override decided by a second person lets it through);
     * what the group itself disburses is added as it goes.
     */
    static final class Exposures {
        private final LendingSettings settings;
        private final BigDecimal capital;
        private final Set<Long> insiders;
        private final Map<Long, BigDecimal> exposure;

        private Exposures(LendingSettings settings, BigDecimal capital, Set<Long> insiders, Map<Long, BigDecimal> exposure) {
            this.settings = settings;
            this.capital = capital;
            this.insiders = insiders;
            this.exposure = exposure;
        }

        void require(long memberId, BigDecimal amount, boolean overridden) {
            if (overridden) {
                return;
            }
            boolean insider = insiders.contains(memberId);
            BigDecimal percent = insider ? settings.insiderLimitPercent() : settings.limitPercent();
            BigDecimal limit = capital.multiply(percent).divide(HUNDRED, 4, RoundingMode.DOWN);
            BigDecimal after = exposure.getOrDefault(memberId, BigDecimal.ZERO).add(amount);
            if (after.compareTo(limit) > 0) {
                throw DomainException.invalid(insider ? "loans.limit.insider-exceeded" : "loans.limit.exceeded",
                        after, limit, percent); // numbers: the message groups them the reader's way
            }
        }

        /** A loan of the group was booked: the borrower's next loan in it sees it. */
        void add(long memberId, BigDecimal amount) {
            exposure.merge(memberId, amount, BigDecimal::add);
        }
    }

    /** Serialises everything that changes these members' loans (applications, disbursements), in id order. */
    @Transactional(propagation = Propagation.MANDATORY)
    void lockBorrowers(long cooperativeId, Collection<Long> memberIds) {
        Set<Long> distinct = new TreeSet<>(memberIds);
        Set<Long> locked = new HashSet<>(dsl.select(MEMBER.ID).from(MEMBER)
                .where(MEMBER.ID.in(distinct).and(MEMBER.COOPERATIVE_ID.eq(cooperativeId)))
                .orderBy(MEMBER.ID).forNoKeyUpdate().fetch(MEMBER.ID));
        for (Long id : distinct) {
            if (!locked.contains(id)) {
                throw DomainException.notFound("member.not-found", id);
            }
        }
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
