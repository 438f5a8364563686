package org.lumbung.savings;

import org.jooq.DSLContext;
import org.lumbung.ledger.Account;
import org.lumbung.ledger.AccountType;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.LedgerAccountRole;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.ledger.PostingResult;
import org.lumbung.ledger.Precondition;
import org.lumbung.members.ExitCheck;
import org.lumbung.members.Member;
import org.lumbung.members.MemberRules;
import org.lumbung.members.MemberService;
import org.lumbung.members.MemberStatus;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.lumbung.security.AccessPolicy;
import org.lumbung.security.UserService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The end of a membership: every savings balance (share capital and mandatory savings included, which
 * only now become withdrawable) is refunded with the interest it earned since a run last paid it, less
 * what the member still owes on receivables in their name; the interest booked first, then one journal
 * entry, the accounts closed, the member exited — all in one transaction. History stays: accounts,
 * transactions and the member row remain, closed.
 */
@Service
@PreAuthorize("@access.may('READ_SAVINGS')")
public class ExitService {

    private final DSLContext dsl;
    private final SavingsService savings;
    private final MemberService members;
    private final ChartOfAccounts chart;
    private final LedgerService ledger;
    private final AccessPolicy access;
    private final UserService users;
    private final List<ExitCheck> checks;
    private final InterestService interest;

    public ExitService(DSLContext dsl, SavingsService savings, MemberService members, ChartOfAccounts chart,
                       LedgerService ledger, AccessPolicy access, UserService users, List<ExitCheck> checks,
                       InterestService interest) {
        this.interest = interest;
        this.users = users;
        this.checks = List.copyOf(checks);
        this.dsl = dsl;
        this.savings = savings;
        this.members = members;
        this.chart = chart;
        this.ledger = ledger;
        this.access = access;
    }

    public ExitSettlement preview(long cooperativeId, long memberId, LocalDate on) {
        Member member = members.member(cooperativeId, memberId);
        DomainException.require(member.status() != MemberStatus.EXITED, "member.status.transition",
                member.status().name(), MemberStatus.EXITED.name());
        DomainException.require(on != null && !on.isBefore(member.statusSince()), "member.status.date", member.statusSince());
        checks.forEach(c -> c.requireNothingOpen(cooperativeId, memberId));
        List<SavingsAccount> accounts = savings.accounts(cooperativeId, memberId).stream().filter(SavingsAccount::active).toList();
        // the refund is paid in cash, in the cooperative's currency; an empty account in another one is just closed
        String currency = chart.account(cooperativeId, LedgerAccountRole.CASH).currency();
        DomainException.require(accounts.stream().allMatch(a -> a.currency().equals(currency) || a.balance().signum() == 0),
                "savings.exit.currencies");
        // interest until the exit on the accounts refunded; an empty account in another currency closes without it
        List<InterestLine> earned = accounts.stream().filter(a -> a.currency().equals(currency))
                .map(a -> new InterestLine(a.id(), a.number(), a.memberId(), interest.earnedUntilClosing(cooperativeId, a, on)))
                .filter(l -> l.interest().signum() > 0)
                .toList();
        BigDecimal saved = accounts.stream().map(SavingsAccount::balance).reduce(BigDecimal.ZERO, BigDecimal::add)
                .add(earned.stream().map(InterestLine::interest).reduce(BigDecimal.ZERO, BigDecimal::add));
        List<ExitSettlement.Debt> debts = chart.memberAccounts(cooperativeId, memberId).stream()
                .filter(a -> a.type() == AccountType.ASSET && a.balance().signum() > 0)
                .map(a -> {
                    DomainException.require(a.currency().equals(currency), "savings.exit.currencies");
                    return new ExitSettlement.Debt(a.code(), a.name(Locale.forLanguageTag(member.locale())),
                            Amounts.normalise(a.balance(), currency));
                })
                .toList();
        BigDecimal owed = debts.stream().map(ExitSettlement.Debt::balance).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<ExitSettlement.Penalty> penalties = accounts.stream().filter(a -> a.kind() == SavingsKind.TIME_DEPOSIT)
                .map(a -> new ExitSettlement.Penalty(a.id(), a.number(), SavingsService.earlyPenalty(a, on,
                        a.balance().add(earned.stream().filter(l -> l.accountId() == a.id()).map(InterestLine::interest)
                                .reduce(BigDecimal.ZERO, BigDecimal::add)))))
                .filter(p -> p.amount().signum() > 0)
                .toList();
        BigDecimal penalty = penalties.stream().map(ExitSettlement.Penalty::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ExitSettlement(memberId, accounts, earned, Amounts.round(saved, currency), debts, Amounts.round(owed, currency),
                penalties, Amounts.round(saved.subtract(owed).subtract(penalty), currency), currency);
    }

    @Transactional
    @PreAuthorize("@access.may('RECORD_SAVINGS')")
    public ExitSettlement settle(long cooperativeId, long memberId, LocalDate on, String reason, String idempotencyKey) {
        DomainException.require(idempotencyKey != null && idempotencyKey.matches("[A-Za-z0-9._:-]{8,80}"), "savings.key.missing");
        DomainException.require(reason != null && !reason.isBlank() && reason.strip().length() <= MemberRules.MAX_STATUS_REASON,
                "member.status.reason");
        ExitSettlement s = preview(cooperativeId, memberId, on);
        // what she owes counts the penalty of a time deposit not yet matured: it is kept from what she gets back
        DomainException.require(s.refund().signum() >= 0, "savings.exit.debt", s.owed().add(s.penalty()).toPlainString(),
                s.savings().toPlainString(), s.currency());
        s.accounts().stream().filter(a -> s.interestOf(a).signum() > 0)
                .forEach(a -> interest.payUntilClosing(cooperativeId, a, on));
        List<SavingsAccount> withBalance = s.accounts().stream().filter(a -> s.paidOut(a).signum() > 0).toList();
        if (!withBalance.isEmpty()) {
            List<PostingLine> lines = new ArrayList<>();
            withBalance.forEach(a -> lines.add(PostingLine.debit(a.number(), s.paidOut(a))));
            s.debts().forEach(d -> lines.add(PostingLine.credit(d.accountCode(), d.balance())));
            String feeIncome = chart.code(cooperativeId, SavingsAccountRole.FEE_INCOME);
            if (s.penalty().signum() > 0) {
                lines.add(PostingLine.credit(feeIncome, s.penalty()));
            }
            String cash = chart.code(cooperativeId, LedgerAccountRole.CASH);
            if (s.refund().signum() > 0) {
                lines.add(PostingLine.credit(cash, s.refund()));
            }
            String actor = access.currentUser().map(u -> u.username()).orElse("system");
            Member member = members.member(cooperativeId, memberId);
            PostingResult posted = ledger.post(new PostingRequest(cooperativeId, "exit:" + idempotencyKey, on,
                    "EXIT %s %s: %s".formatted(member.displayNumber(), member.fullName(), reason.strip()), "SAVINGS",
                    "member:" + member.displayNumber(), lines, actor), settledToZero(lines, Set.of(cash, feeIncome)));
            List<Movement> movements = withBalance.stream()
                    .map(a -> new Movement(a.id(), s.paidOut(a), on, reason.strip(), idempotencyKey)).toList();
            SavingsRows.record(dsl, cooperativeId, TransactionKind.EXIT, withBalance, null, movements,
                    withBalance.stream().map(a -> posted).toList(), actor);
        }
        s.accounts().forEach(a -> savings.close(cooperativeId, a.id(), on));
        members.markExited(cooperativeId, memberId, on, reason);
        users.disableMemberSignIn(cooperativeId, memberId);
        return s;
    }

    /**
     * Under the ledger's locks: every savings and debt account of the settlement ends at zero, so a
     * deposit or repayment that came in after the settlement was read refuses the exit instead of being
     * left on a closed account.
     */
    private static Precondition settledToZero(List<PostingLine> lines, Set<String> paidTo) {
        return b -> lines.stream().map(PostingLine::accountCode).filter(code -> !paidTo.contains(code))
                .forEach(code -> DomainException.require(b.after(code).signum() == 0, "savings.exit.changed", code,
                        b.before(code).toPlainString()));
    }
}
