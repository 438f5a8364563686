package org.lumbung.sales;

import org.jspecify.annotations.Nullable;
import org.lumbung.ledger.Precondition;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.members.MemberStatus;
import org.lumbung.platform.DomainException;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.savings.SavingsKind;
import org.lumbung.savings.SavingsService;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Who pays and from which account: cash for anyone; shop credit (the member's sub-account of the shop's
 * receivable, at most her credit limit) or her voluntary savings (never below the product's minimum balance and
 * what a loan holds on it) for a member. The limits are ledger preconditions, checked under the ledger's locks.
 */
@Component
class ShopCustomers {

    private final MemberService members;
    private final SavingsService savings;
    private final ShopLimits limits;
    private final ShopBooking booking;

    ShopCustomers(MemberService members, SavingsService savings, ShopLimits limits, ShopBooking booking) {
        this.members = members;
        this.savings = savings;
        this.limits = limits;
        this.booking = booking;
    }

    /** The account that pays (or is paid back), its savings account if any, and the rule on its balance. */
    record Payer(@Nullable Member member, Payment payment, String accountCode, @Nullable Long savingsAccountId, Precondition rule) {
    }

    @Nullable Member member(long cooperativeId, @Nullable Long memberId) {
        if (memberId == null) {
            return null;
        }
        Member m = members.member(cooperativeId, memberId);
        DomainException.require(m.status() != MemberStatus.EXITED, "sales.member.exited", m.displayNumber());
        return m;
    }

    /** The payer of a sale: its money goes out of the account, within the account's limit. */
    Payer payer(long cooperativeId, @Nullable Member m, Payment payment) {
        DomainException.require(payment != null, "sales.payment.missing");
        DomainException.require(payment == Payment.CASH || m != null, "sales.payment.member-only");
        return switch (payment) {
            case CASH -> new Payer(m, payment, booking.cash(cooperativeId), null, Precondition.NONE);
            case CREDIT -> credit(cooperativeId, Objects.requireNonNull(m));
            case SAVINGS -> fromSavings(cooperativeId, Objects.requireNonNull(m));
        };
    }

    /** The account a refund goes back to, the way the sale was paid; no limit applies to money coming back. */
    Payer refundTo(long cooperativeId, @Nullable Member m, Payment payment, @Nullable Long savingsAccountId) {
        return switch (payment) {
            case CASH -> new Payer(m, payment, booking.cash(cooperativeId), null, Precondition.NONE);
            // a sale on credit had a member, one from savings its savings account
            case CREDIT -> new Payer(m, payment, booking.memberCode(cooperativeId, SalesAccountRole.SHOP_MEMBER_CREDIT,
                    Objects.requireNonNull(m)), null, Precondition.NONE);
            case SAVINGS -> new Payer(m, payment,
                    savings.account(cooperativeId, Objects.requireNonNull(savingsAccountId)).number(), savingsAccountId,
                    Precondition.NONE);
        };
    }

    private Payer credit(long cooperativeId, Member m) {
        DomainException.require(m.status() == MemberStatus.ACTIVE, "sales.credit.member-not-active", m.displayNumber());
        String code = booking.memberCode(cooperativeId, SalesAccountRole.SHOP_MEMBER_CREDIT, m);
        BigDecimal limit = limits.creditLimit(cooperativeId, m.id());
        return new Payer(m, Payment.CREDIT, code, null, b -> DomainException.require(b.after(code).compareTo(limit) <= 0,
                "sales.credit.over-limit", m.displayNumber(), limit.toPlainString(), b.before(code).toPlainString()));
    }

    /**
     * The member's voluntary account, under the savings feature's own rule for money taken out by another feature: its
     * row locked (as a withdrawal and a loan lock it), and the balance after the sale keeps the minimum and the holds.
     */
    private Payer fromSavings(long cooperativeId, Member m) {
        SavingsAccount account = voluntary(cooperativeId, m);
        return new Payer(m, Payment.SAVINGS, account.number(), account.id(), savings.keepsWhatIsHeld(cooperativeId, account.id()));
    }

    /** The member's active voluntary savings account (the first, by number). */
    SavingsAccount voluntary(long cooperativeId, Member m) {
        return savings.accounts(cooperativeId, m.id()).stream()
                .filter(a -> a.kind() == SavingsKind.VOLUNTARY && a.active()).findFirst()
                .orElseThrow(() -> DomainException.invalid("sales.savings.no-account", m.displayNumber()));
    }
}
