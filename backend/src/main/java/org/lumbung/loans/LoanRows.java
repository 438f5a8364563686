package org.lumbung.loans;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.lumbung.db.jooq.tables.records.LoanInstalmentRecord;
import org.lumbung.db.jooq.tables.records.LoanRecord;
import org.lumbung.db.jooq.tables.records.LoanTransactionRecord;
import org.lumbung.loans.schedule.AllocationOrder;
import org.lumbung.loans.schedule.DayCount;
import org.lumbung.loans.schedule.Instalment;
import org.lumbung.loans.schedule.InterestMethod;
import org.lumbung.loans.schedule.PrepaymentRule;
import org.lumbung.loans.schedule.RatePeriod;
import org.lumbung.loans.schedule.RepaymentFrequency;
import org.lumbung.loans.schedule.Schedule;
import org.lumbung.platform.money.Amounts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.lumbung.db.jooq.Tables.LEDGER_ACCOUNT;
import static org.lumbung.db.jooq.Tables.LOAN;
import static org.lumbung.db.jooq.Tables.LOAN_GUARANTOR;
import static org.lumbung.db.jooq.Tables.LOAN_INSTALMENT;
import static org.lumbung.db.jooq.Tables.LOAN_PRODUCT;
import static org.lumbung.db.jooq.Tables.LOAN_TRANSACTION;

/** The loan tables' reads shared by the loan services; jOOQ stays inside this package. */
final class LoanRows {

    static final int MAX_LOANS_LISTED = 500;
    static final int MAX_TRANSACTIONS_LISTED = 2_000;

    private LoanRows() {
    }

    /** At most {@link #MAX_LOANS_LISTED} loans (one member's, one key's): lists of a cooperative page instead. */
    static List<Loan> loans(DSLContext dsl, Condition where) {
        return loans(dsl, where, 0, MAX_LOANS_LISTED);
    }

    /** Loans with their product's code and their sub-account's balance, latest first: one query, then one for guarantors. */
    static List<Loan> loans(DSLContext dsl, Condition where, int offset, int limit) {
        List<Record> rows = dsl.select(LOAN.asterisk(), LOAN_PRODUCT.CODE, LEDGER_ACCOUNT.DEBIT_TOTAL, LEDGER_ACCOUNT.CREDIT_TOTAL)
                .from(LOAN).join(LOAN_PRODUCT).on(LOAN_PRODUCT.ID.eq(LOAN.PRODUCT_ID))
                .leftJoin(LEDGER_ACCOUNT).on(LEDGER_ACCOUNT.ID.eq(LOAN.LEDGER_ACCOUNT_ID))
                .where(where).orderBy(LOAN.ID.desc()).offset(offset).limit(limit).fetch();
        List<Long> ids = rows.stream().map(r -> r.get(LOAN.ID)).toList();
        Map<Long, List<Long>> guarantors = dsl.select(LOAN_GUARANTOR.LOAN_ID, LOAN_GUARANTOR.MEMBER_ID).from(LOAN_GUARANTOR)
                .where(LOAN_GUARANTOR.LOAN_ID.in(ids)).orderBy(LOAN_GUARANTOR.MEMBER_ID).fetch().stream()
                .collect(Collectors.groupingBy(r -> r.value1(), Collectors.mapping(r -> r.value2(), Collectors.toList())));
        return rows.stream().map(r -> toLoan(r, guarantors.getOrDefault(r.get(LOAN.ID), List.of()))).toList();
    }

    private static Loan toLoan(Record record, List<Long> guarantors) {
        LoanRecord r = record.into(LOAN);
        String c = r.getCurrency();
        BigDecimal debit = record.get(LEDGER_ACCOUNT.DEBIT_TOTAL);
        BigDecimal outstanding = debit == null ? BigDecimal.ZERO : debit.subtract(record.get(LEDGER_ACCOUNT.CREDIT_TOTAL));
        CopiedTerms terms = new CopiedTerms(InterestMethod.valueOf(r.getInterestMethod()), r.getInterestRate().stripTrailingZeros(),
                RatePeriod.valueOf(r.getRatePeriod()), RepaymentFrequency.valueOf(r.getFrequency()), r.getInstalments(),
                r.getGracePrincipal(), r.getGraceInterest(), DayCount.valueOf(r.getDayCount()),
                Amounts.normalise(r.getInstalmentRounding(), c),
                LoanProductService.fee(r.getFeeKind(), r.getFeeValue(), r.getFeeTiming()),
                LoanProductService.penalty(r.getPenaltyKind(), r.getPenaltyValue(), r.getPenaltyGraceDays(), r.getPenaltyCap()),
                AllocationOrder.valueOf(r.getAllocationOrder()), PrepaymentRule.valueOf(r.getPrepaymentRule()),
                r.getAccruesInterest());
        return new Loan(r.getId(), r.getCooperativeId(), r.getNumber(), r.getMemberId(), r.getProductId(),
                record.get(LOAN_PRODUCT.CODE), LoanStatus.valueOf(r.getStatus()),
                r.getPurposeCategory() == null ? null : LoanPurpose.valueOf(r.getPurposeCategory()), r.getPurpose(),
                Amounts.normalise(r.getPrincipal(), c), c, terms, r.getFirstDueDate(),
                Amounts.normalise(r.getRequiredSavings(), c), r.getLoanOfficer(), r.getSavingsAccountId(),
                r.getCollateralNotes(), guarantors, r.getAppliedBy(), r.getDecidedBy(), r.getDecisionNote(),
                r.getLimitOverrideBy(), r.getLimitOverrideReason(), r.getDisbursedOn(), r.getScheduleStart(),
                r.getClosedOn(), r.getScheduleVersion(), r.getRestructured(), r.getWriteOffRequestedBy(),
                r.getWriteOffReason(), r.getWrittenOffOn(), r.getDaysPastDue(), r.getAgingClass(),
                Amounts.normalise(outstanding, c));
    }

    /** A schedule version's instalments in order. */
    static List<LoanInstalment> instalments(DSLContext dsl, long loanId, int version, String currency) {
        return dsl.selectFrom(LOAN_INSTALMENT)
                .where(LOAN_INSTALMENT.LOAN_ID.eq(loanId).and(LOAN_INSTALMENT.SCHEDULE_VERSION.eq(version)))
                .orderBy(LOAN_INSTALMENT.NUMBER).fetch(r -> toInstalment(r, currency));
    }

    private static LoanInstalment toInstalment(LoanInstalmentRecord r, String c) {
        return new LoanInstalment(r.getScheduleVersion(), r.getNumber(), r.getDueDate(),
                Amounts.normalise(r.getPrincipalDue(), c), Amounts.normalise(r.getInterestDue(), c),
                Amounts.normalise(r.getFeeDue(), c), Amounts.normalise(r.getPenaltyDue(), c),
                Amounts.normalise(r.getPrincipalPaid(), c), Amounts.normalise(r.getInterestPaid(), c),
                Amounts.normalise(r.getFeePaid(), c), Amounts.normalise(r.getPenaltyPaid(), c),
                Amounts.normalise(r.getInterestWaived(), c), LoanInstalment.State.valueOf(r.getState()), r.getPaidOn());
    }

    /** Writes a schedule as version {@code version} of the loan's instalments. */
    static void insertSchedule(DSLContext dsl, long cooperativeId, long loanId, int version, Schedule schedule) {
        insertSchedules(dsl, cooperativeId, version, Map.of(loanId, schedule));
    }

    /** Writes several loans' schedules (a group's disbursement) as version {@code version}, in one insert. */
    static void insertSchedules(DSLContext dsl, long cooperativeId, int version, Map<Long, Schedule> byLoan) {
        var insert = dsl.insertInto(LOAN_INSTALMENT, LOAN_INSTALMENT.COOPERATIVE_ID, LOAN_INSTALMENT.LOAN_ID,
                LOAN_INSTALMENT.SCHEDULE_VERSION, LOAN_INSTALMENT.NUMBER, LOAN_INSTALMENT.DUE_DATE,
                LOAN_INSTALMENT.PRINCIPAL_DUE, LOAN_INSTALMENT.INTEREST_DUE);
        for (Map.Entry<Long, Schedule> loan : byLoan.entrySet()) {
            for (Instalment i : loan.getValue().instalments()) {
                insert = insert.values(cooperativeId, loan.getKey(), version, i.number(), i.dueDate(), i.principal(), i.interest());
            }
        }
        insert.execute();
    }

    static List<LoanTransaction> transactions(DSLContext dsl, Condition where) {
        return dsl.select(LOAN_TRANSACTION.asterisk(), LOAN.CURRENCY).from(LOAN_TRANSACTION)
                .join(LOAN).on(LOAN.ID.eq(LOAN_TRANSACTION.LOAN_ID)).where(where).orderBy(LOAN_TRANSACTION.ID)
                .limit(MAX_TRANSACTIONS_LISTED).fetch(LoanRows::toTransaction);
    }

    /** A transaction; its channel is null when no money moved (a rescheduling, a write-off). */
    private static LoanTransaction toTransaction(Record record) {
        LoanTransactionRecord r = record.into(LOAN_TRANSACTION);
        String c = record.get(LOAN.CURRENCY);
        return new LoanTransaction(r.getId(), r.getLoanId(), LoanTransaction.Kind.valueOf(r.getKind()),
                "NONE".equals(r.getChannel()) ? null : Channel.valueOf(r.getChannel()), r.getValueDate(),
                Amounts.normalise(r.getAmount(), c), Amounts.normalise(r.getPrincipalPart(), c),
                Amounts.normalise(r.getInterestPart(), c), Amounts.normalise(r.getFeePart(), c),
                Amounts.normalise(r.getPenaltyPart(), c), Amounts.normalise(r.getOutstandingAfter(), c),
                r.getJournalEntryId(), r.getNote(), r.getRecordedBy(), r.getRecordedAt().toInstant());
    }
}
