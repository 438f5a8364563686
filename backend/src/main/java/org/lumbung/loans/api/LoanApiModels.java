package org.lumbung.loans.api;

import org.jspecify.annotations.Nullable;
import org.lumbung.loans.Channel;
import org.lumbung.loans.Loan;
import org.lumbung.loans.LoanInstalment;
import org.lumbung.loans.LoanProduct;
import org.lumbung.loans.LoanPurpose;
import org.lumbung.loans.LoanTransaction;
import org.lumbung.loans.RepaymentPreview;
import org.lumbung.loans.schedule.AllocatedPart;
import org.lumbung.loans.schedule.AllocationOrder;
import org.lumbung.loans.schedule.DayCount;
import org.lumbung.loans.schedule.FeeKind;
import org.lumbung.loans.schedule.FeeTiming;
import org.lumbung.loans.schedule.InterestMethod;
import org.lumbung.loans.schedule.PayoffQuote;
import org.lumbung.loans.schedule.PenaltyKind;
import org.lumbung.loans.schedule.PrepaymentRule;
import org.lumbung.loans.schedule.RatePeriod;
import org.lumbung.loans.schedule.RepaymentFrequency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** JSON shapes of the loans API. Amounts, rates and percentages travel as decimal strings ("1500000.00", "1.5"). */
public final class LoanApiModels {

    private LoanApiModels() {
    }

    public record FeeBody(FeeKind kind, String value, FeeTiming timing) {
    }

    /** {@code cap} null: no cap. */
    public record PenaltyBody(PenaltyKind kind, String value, @Nullable Integer graceDays, @Nullable String cap) {
    }

    /** A product to create or edit; null rounding, order and rule take the defaults, null fee/penalty mean none. */
    public record ProductBody(String code, String nameEn, String nameId, String currency, InterestMethod interestMethod,
                              String interestRate, RatePeriod ratePeriod, RepaymentFrequency frequency,
                              Integer minInstalments, Integer maxInstalments, String minAmount, String maxAmount,
                              @Nullable Integer graceOnPrincipal, @Nullable Integer graceOnInterest, DayCount dayCount,
                              @Nullable String instalmentRounding, @Nullable FeeBody fee, @Nullable PenaltyBody penalty,
                              @Nullable AllocationOrder allocationOrder,
                              @Nullable PrepaymentRule prepaymentRule, @Nullable Boolean accruesInterest, @Nullable Integer maxActiveLoans,
                              @Nullable String requiredSavingsPercent) {
    }

    public record ProductResponse(long id, String code, String nameEn, String nameId, String currency,
                                  InterestMethod interestMethod, String interestRate, RatePeriod ratePeriod,
                                  RepaymentFrequency frequency, int minInstalments, int maxInstalments, String minAmount,
                                  String maxAmount, int graceOnPrincipal, int graceOnInterest, DayCount dayCount,
                                  String instalmentRounding, @Nullable FeeBody fee, @Nullable PenaltyBody penalty,
                                  AllocationOrder allocationOrder, PrepaymentRule prepaymentRule, boolean accruesInterest,
                                  int maxActiveLoans, String requiredSavingsPercent, boolean active) {
        static ProductResponse of(LoanProduct p) {
            return new ProductResponse(p.id(), p.code(), p.nameEn(), p.nameId(), p.currency(), p.interestMethod(),
                    plain(p.interestRate()), p.ratePeriod(), p.frequency(), p.minInstalments(), p.maxInstalments(),
                    plain(p.minAmount()), plain(p.maxAmount()), p.graceOnPrincipal(), p.graceOnInterest(), p.dayCount(),
                    plain(p.instalmentRounding()),
                    p.fee() == null ? null : new FeeBody(p.fee().kind(), plain(p.fee().value()), p.fee().timing()),
                    p.penalty() == null ? null : new PenaltyBody(p.penalty().kind(), plain(p.penalty().value()),
                            p.penalty().graceDays(), p.penalty().cap() == null ? null : plain(p.penalty().cap())),
                    p.allocationOrder(), p.prepaymentRule(), p.accruesInterest(), p.maxActiveLoans(),
                    plain(p.requiredSavingsPercent()), p.active());
        }
    }

    public record ApplicationBody(Long memberId, Long productId, String amount, Integer instalments, LocalDate firstDueDate,
                                  LoanPurpose purposeCategory, String purpose, String loanOfficer,
                                  @Nullable List<Long> guarantorIds, @Nullable String collateralNotes,
                                  @Nullable Long savingsAccountId) {
    }

    /** An approval; {@code limitOverrideReason} overrides the legal lending limit (logged with the approver). */
    public record ApprovalBody(@Nullable String note, @Nullable String limitOverrideReason) {
    }

    public record RejectionBody(String reason) {
    }

    public record DisbursementBody(LocalDate valueDate, Channel channel) {
    }

    public record RepaymentBody(String amount, LocalDate valueDate, Channel channel, @Nullable String note) {
    }

    public record InstalmentResponse(int number, LocalDate dueDate, String principalDue, String interestDue, String feeDue,
                                     String penaltyDue, String principalPaid, String interestPaid, String feePaid,
                                     String penaltyPaid, String interestWaived, String outstanding, String state,
                                     @Nullable LocalDate paidOn) {
        static InstalmentResponse of(LoanInstalment i) {
            return new InstalmentResponse(i.number(), i.dueDate(), plain(i.principalDue()), plain(i.interestDue()),
                    plain(i.feeDue()), plain(i.penaltyDue()), plain(i.principalPaid()), plain(i.interestPaid()),
                    plain(i.feePaid()), plain(i.penaltyPaid()), plain(i.interestWaived()), plain(i.outstanding()),
                    i.state().name(), i.paidOn());
        }
    }

    public record TransactionResponse(long id, String kind, @Nullable String channel, LocalDate valueDate, String amount,
                                      String principal, String interest, String fees, String penalty,
                                      String outstandingAfter, @Nullable Long journalEntryId, @Nullable String note, String recordedBy) {
        static TransactionResponse of(LoanTransaction t) {
            return new TransactionResponse(t.id(), t.kind().name(), t.channel() == null ? null : t.channel().name(),
                    t.valueDate(), plain(t.amount()), plain(t.principal()), plain(t.interest()), plain(t.fees()),
                    plain(t.penalty()), plain(t.outstandingAfter()), t.journalEntryId(), t.note(), t.recordedBy());
        }
    }

    /** A loan in a list: what it is and what it owes. */
    public record LoanSummary(long id, String number, long memberId, String product, String status, String principal,
                              String currency, String outstandingPrincipal, int daysPastDue, String agingClass,
                              boolean restructured) {
        static LoanSummary of(Loan l) {
            return new LoanSummary(l.id(), l.number(), l.memberId(), l.productCode(), l.status().name(), plain(l.principal()),
                    l.currency(), plain(l.outstandingPrincipal()), l.daysPastDue(), l.agingClass(), l.restructured());
        }
    }

    /** What paying a loan off on {@code date} takes, by component; {@code total} is what the payoff must bring. */
    public record PayoffQuoteResponse(LocalDate date, String currency, String principal, String interest, String fees,
                                      String penalty, String total) {
        static PayoffQuoteResponse of(LocalDate date, PayoffQuote q) {
            return new PayoffQuoteResponse(date, q.currency(), plain(q.principal()), plain(q.interest()), plain(q.fees()),
                    plain(q.penalty()), plain(q.total()));
        }
    }

    public record WriteOffRequestBody(String reason) {
    }

    public record WriteOffBody(LocalDate valueDate) {
    }

    /** A new schedule for the outstanding principal; {@code allocationOrder} null keeps the loan's. */
    public record RescheduleBody(LocalDate valueDate, Integer instalments, LocalDate firstDueDate, @Nullable AllocationOrder allocationOrder,
                                 String reason) {
    }

    /** A page of loans: {@code total} counts every loan in the status. */
    public record LoanPage(int total, int offset, List<LoanSummary> loans) {
    }

    /** A loan with its terms, decision, schedule (current version), transactions and balances. */
    public record LoanResponse(LoanSummary loan, @Nullable LoanPurpose purposeCategory,
                               @Nullable Boolean incomeGenerating, String purpose, InterestMethod interestMethod,
                               String interestRate,
                               RatePeriod ratePeriod, RepaymentFrequency frequency, int instalments, LocalDate firstDueDate,
                               AllocationOrder allocationOrder, String requiredSavings, @Nullable Long savingsAccountId,
                               String loanOfficer, List<Long> guarantorIds, @Nullable String collateralNotes, String appliedBy,
                               @Nullable String decidedBy, @Nullable String decisionNote, @Nullable String limitOverrideBy,
                               @Nullable String limitOverrideReason, @Nullable LocalDate disbursedOn, @Nullable LocalDate closedOn,
                               int scheduleVersion, String totalOutstanding, @Nullable InstalmentResponse nextDue,
                               List<InstalmentResponse> schedule, List<TransactionResponse> transactions) {
        static LoanResponse of(Loan l, List<LoanInstalment> schedule, List<LoanTransaction> transactions) {
            BigDecimal total = schedule.stream().filter(i -> i.state() != LoanInstalment.State.SUPERSEDED)
                    .map(LoanInstalment::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
            InstalmentResponse next = schedule.stream()
                    .filter(i -> i.state() == LoanInstalment.State.DUE || i.state() == LoanInstalment.State.OVERDUE)
                    .findFirst().map(InstalmentResponse::of).orElse(null);
            return new LoanResponse(LoanSummary.of(l), l.purposeCategory(),
                    l.purposeCategory() == null ? null : l.purposeCategory().incomeGenerating(), l.purpose(),
                    l.terms().method(), plain(l.terms().ratePercent()),
                    l.terms().ratePeriod(), l.terms().frequency(), l.terms().instalments(), l.firstDueDate(),
                    l.terms().allocationOrder(), plain(l.requiredSavings()), l.savingsAccountId(), l.loanOfficer(),
                    l.guarantorIds(), l.collateralNotes(), l.appliedBy(), l.decidedBy(), l.decisionNote(),
                    l.limitOverrideBy(), l.limitOverrideReason(), l.disbursedOn(), l.closedOn(), l.scheduleVersion(),
                    plain(total.setScale(l.outstandingPrincipal().scale())), next,
                    schedule.stream().map(InstalmentResponse::of).toList(),
                    transactions.stream().map(TransactionResponse::of).toList());
        }
    }

    public record SplitPart(int instalment, LocalDate dueDate, String penalty, String fees, String interest,
                            String principal) {
        static SplitPart of(AllocatedPart p) {
            return new SplitPart(p.instalment(), p.dueDate(), plain(p.penalty()), plain(p.fees()), plain(p.interest()),
                    plain(p.principal()));
        }
    }

    /** How a repayment splits (before or after saving), and the principal before and after it. */
    public record SplitResponse(String amount, String penalty, String fees, String interest, String principal,
                                String outstandingBefore, String outstandingAfter, List<SplitPart> instalments) {
        static SplitResponse of(RepaymentPreview p) {
            var a = p.allocation();
            return new SplitResponse(plain(a.penalty().add(a.fees()).add(a.interest()).add(a.principal())), plain(a.penalty()),
                    plain(a.fees()), plain(a.interest()), plain(a.principal()), plain(p.outstandingBefore()),
                    plain(p.outstandingAfter()), a.parts().stream().map(SplitPart::of).toList());
        }
    }

    static String plain(BigDecimal amount) {
        return amount.toPlainString();
    }
}
