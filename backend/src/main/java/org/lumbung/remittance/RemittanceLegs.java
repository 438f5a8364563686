package org.lumbung.remittance;

import org.lumbung.cooperative.Cooperative;
import org.lumbung.fx.DatedRate;
import org.lumbung.fx.ExchangeRateService;
import org.lumbung.fx.ForeignCurrencyAccounts;
import org.lumbung.fx.FxConversions;
import org.lumbung.ledger.Account;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.LedgerAccountRole;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.Precondition;
import org.lumbung.loans.LinkedRepayment;
import org.lumbung.loans.Loan;
import org.lumbung.loans.LoanRepayments;
import org.lumbung.loans.LoanService;
import org.lumbung.loans.LoanStatus;
import org.lumbung.members.Member;
import org.lumbung.platform.DomainException;
import org.lumbung.savings.DepositSource;
import org.lumbung.savings.LinkedDeposit;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.savings.SavingsKind;
import org.lumbung.savings.SavingsService;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * The lines of a remittance's entry: where the money arrived (the arrival leg) and where each part of it went.
 * The other features' rules stay theirs: savings accounts are the savings service's, a loan repayment's split the
 * loans feature's, rates and foreign-currency accounts the FX feature's.
 */
@Component
class RemittanceLegs {

    private final ChartOfAccounts chart;
    private final SavingsService savings;
    private final LoanService loans;
    private final LoanRepayments repayments;
    private final ExchangeRateService rates;
    private final ForeignCurrencyAccounts foreign;
    private final FxConversions conversions;

    RemittanceLegs(ChartOfAccounts chart, SavingsService savings, LoanService loans, LoanRepayments repayments,
                   ExchangeRateService rates, ForeignCurrencyAccounts foreign, FxConversions conversions) {
        this.chart = chart;
        this.savings = savings;
        this.loans = loans;
        this.repayments = repayments;
        this.rates = rates;
        this.foreign = foreign;
        this.conversions = conversions;
    }

    /**
     * A part with its allocation row, its lines of the entry, the rule the ledger checks under its locks, and what
     * to do once the entry is posted (a loan records its repayment against the entry).
     */
    record Part(Allocation allocation, List<PostingLine> lines, Precondition rule, LongConsumer posted) {

        Part(Allocation allocation, List<PostingLine> lines) {
            this(allocation, lines, Precondition.NONE, entryId -> { });
        }
    }

    /**
     * Where the money arrived. Converted by a bank or an operator: the cooperative's currency in its bank account.
     * Held as it came: the foreign notes (or, sent by a bank, the cooperative's account in that currency) in their own
     * currency against the position's foreign side, and the position's cost in the cooperative's currency — so the
     * entry balances in each currency and the position carries what the currency cost.
     */
    List<PostingLine> arrival(Cooperative c, RemittanceRows.Header h) {
        if (h.booking() == RemittanceBooking.CONVERTED) {
            return List.of(PostingLine.debit(chart.code(c.id(), LedgerAccountRole.BANK), h.receivedAmount()));
        }
        String currency = h.sentCurrency();
        Account held = h.channel() == RemittanceChannel.BANK ? foreign.bank(c.id(), currency) : foreign.cash(c.id(), currency);
        return List.of(PostingLine.debit(held.code(), h.sentAmount()),
                PostingLine.credit(foreign.position(c.id(), currency).code(), h.sentAmount()),
                PostingLine.debit(foreign.positionCost(c.id(), currency).code(), h.receivedAmount()));
    }

    /** The cooperative's rate of the currency on the day: the latest on or before it (a weekend takes Friday's). */
    AppliedRate datedRate(long cooperativeId, String currency, LocalDate on) {
        DatedRate rate = rates.rateOn(cooperativeId, currency, on)
                .orElseThrow(() -> DomainException.notFound("remittance.rate.none", currency, on));
        return new AppliedRate(rate.rate(), rate.rateDate(), RateSource.DATED);
    }

    /**
     * {@code key} is the receipt's idempotency key: a loan repayment's own key is made from it; {@code note} what the
     * member's savings statement shows of a savings part.
     */
    Part part(Cooperative c, Member m, int lineNo, NewAllocation a, BigDecimal amount, LocalDate on, String key, String note) {
        return switch (a.kind()) {
            case CASH -> cash(c, lineNo, amount);
            // AllocationRules.check gave these two kinds their account's number
            case SAVINGS -> savings(c, m, lineNo, Objects.requireNonNull(a.account()), amount, on, note);
            case LOAN_REPAYMENT -> loanRepayment(c, m, lineNo, Objects.requireNonNull(a.account()), amount, on, key);
            case FEE -> new Part(new Allocation(lineNo, AllocationKind.FEE, amount, null, null, null, null),
                    List.of(PostingLine.credit(chart.account(c.id(), RemittanceAccountRole.REMITTANCE_FEE_INCOME).code(), amount)));
        };
    }

    /** Cash out of the cash box, rounded to the cooperative's cash increment; the difference on a line of its own. */
    private Part cash(Cooperative c, int lineNo, BigDecimal amount) {
        BigDecimal paid = conversions.cash(c.id(), amount, c.baseCurrency());
        List<PostingLine> lines = new ArrayList<>();
        if (paid.signum() > 0) {
            lines.add(PostingLine.credit(chart.code(c.id(), LedgerAccountRole.CASH), paid));
        }
        BigDecimal difference = amount.subtract(paid);
        if (difference.signum() != 0) {
            String rounding = chart.account(c.id(), RemittanceAccountRole.CASH_ROUNDING).code();
            lines.add(difference.signum() > 0 ? PostingLine.credit(rounding, difference) : PostingLine.debit(rounding, difference.negate()));
        }
        return new Part(new Allocation(lineNo, AllocationKind.CASH, amount, paid, null, null, null), lines);
    }

    /**
     * A repayment of one of the member's active loans, split by the loans feature exactly as a repayment at the
     * counter is (penalties, fees, interest, principal in the loan's order); recorded on the loan once the entry is posted.
     */
    private Part loanRepayment(Cooperative c, Member m, int lineNo, String number, BigDecimal amount, LocalDate on, String key) {
        Loan loan = loans.loansOf(c.id(), m.id()).stream()
                .filter(l -> l.number().equals(number.strip()) && l.status() == LoanStatus.ACTIVE).findFirst()
                .orElseThrow(() -> DomainException.notFound("remittance.loan.not-found", number, m.displayNumber()));
        LinkedRepayment linked = repayments.linkedRepayment(c.id(), loan.id(), amount, on, "remit:" + key + ":" + lineNo);
        return new Part(new Allocation(lineNo, AllocationKind.LOAN_REPAYMENT, amount, null, null, loan.id(), loan.number()),
                linked.lines(), linked.rule(), entryId -> repayments.recordLinked(linked, entryId));
    }

    /**
     * A deposit into one of the member's own active savings accounts in the cooperative's currency: voluntary or
     * mandatory (share capital is paid once, exactly, through savings; a time deposit is opened there). Booked as the
     * savings feature's linked deposit, so it stands on her savings statement as a deposit from a remittance.
     */
    private Part savings(Cooperative c, Member m, int lineNo, String number, BigDecimal amount, LocalDate on, String note) {
        SavingsAccount account = savings.accounts(c.id(), m.id()).stream().filter(s -> s.number().equals(number.strip()))
                .findFirst().orElseThrow(() -> DomainException.notFound("remittance.savings.not-found", number, m.displayNumber()));
        DomainException.require(account.active(), "remittance.savings.closed", account.number());
        DomainException.require(account.kind() == SavingsKind.VOLUNTARY || account.kind() == SavingsKind.MANDATORY,
                "remittance.savings.kind", account.number());
        DomainException.require(account.currency().equals(c.baseCurrency()), "remittance.savings.currency", account.number(),
                account.currency());
        LinkedDeposit deposit = savings.linkedDeposit(c.id(), account.id(), amount, on, DepositSource.REMITTANCE, note);
        return new Part(new Allocation(lineNo, AllocationKind.SAVINGS, amount, null, account.id(), null, account.number()),
                List.of(deposit.line()), deposit.rule(), entryId -> savings.recordLinked(c.id(), List.of(deposit), entryId));
    }
}
