package org.lumbung.sales;

import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingResult;
import org.lumbung.members.Member;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a member owes the shop on credit (her sub-account of the shop receivable) and its repayment in cash. */
@Service
@PreAuthorize("@access.may('READ_SHOP')")
public class ShopCredit {

    private final ShopBooking booking;
    private final ShopCustomers customers;
    private final SaleRows rows;

    ShopCredit(ShopBooking booking, ShopCustomers customers, SaleRows rows) {
        this.booking = booking;
        this.customers = customers;
        this.rows = rows;
    }

    /** What the member owes the shop now (zero when she never bought on credit). */
    public BigDecimal owed(long cooperativeId, long memberId) {
        return rows.owed(cooperativeId, memberId);
    }

    /** A cash repayment: never more than she owes (the account may not go to a credit balance, a ledger rule). */
    @Transactional
    @PreAuthorize("@access.may('SELL')")
    public PostingResult repay(long cooperativeId, long memberId, BigDecimal amount, LocalDate valueDate, String idempotencyKey) {
        ShopBooking.requireKey(idempotencyKey);
        Cooperative c = booking.cooperative(cooperativeId);
        BigDecimal a = Amounts.requireEntered(amount, c.baseCurrency());
        LocalDate date = booking.valueDate(c, valueDate);
        Member m = customers.member(cooperativeId, memberId);
        String code = booking.memberCode(cooperativeId, SalesAccountRole.SHOP_MEMBER_CREDIT, m);
        return booking.post(cooperativeId, idempotencyKey, date, "SHOP_CREDIT_REPAYMENT " + code, code,
                java.util.List.of(PostingLine.debit(booking.cash(cooperativeId), a), PostingLine.credit(code, a)),
                b -> DomainException.require(b.after(code).signum() >= 0, "sales.credit.repay-too-much", m.displayNumber(),
                        b.before(code).toPlainString()));
    }
}
