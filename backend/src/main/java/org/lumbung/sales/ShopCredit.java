package org.lumbung.sales;

import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.EntryLine;
import org.lumbung.ledger.JournalEntry;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingResult;
import org.lumbung.ledger.Side;
import org.lumbung.members.Member;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.DateText;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.platform.i18n.MoneyText;
import org.lumbung.platform.money.Amounts;
import org.lumbung.platform.pdf.ReceiptLayout;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a member owes the shop on credit (her sub-account of the shop receivable) and its repayment, in cash or from
 * her voluntary savings (never below its minimum and what a loan holds), with a receipt.
 */
@Service
@PreAuthorize("@access.may('READ_SHOP')")
public class ShopCredit {

    private final ShopBooking booking;
    private final ShopCustomers customers;
    private final SaleRows rows;
    private final LedgerService ledger;

    ShopCredit(ShopBooking booking, ShopCustomers customers, SaleRows rows, LedgerService ledger) {
        this.booking = booking;
        this.customers = customers;
        this.rows = rows;
        this.ledger = ledger;
    }

    /** What the member owes the shop now (zero when she never bought on credit). */
    public BigDecimal owed(long cooperativeId, long memberId) {
        return rows.owed(cooperativeId, memberId);
    }

    /**
     * A repayment in cash or from her voluntary savings ({@code via} CASH or SAVINGS): never more than she owes (the
     * account may not go to a credit balance, a ledger rule), from savings never below the account's minimum.
     */
    @Transactional
    @PreAuthorize("@access.may('SELL')")
    public PostingResult repay(long cooperativeId, long memberId, BigDecimal amount, Payment via, @Nullable LocalDate valueDate,
                               String idempotencyKey) {
        ShopBooking.requireKey(idempotencyKey);
        DomainException.require(via == Payment.CASH || via == Payment.SAVINGS, "sales.credit.repay-via");
        Cooperative c = booking.cooperative(cooperativeId);
        BigDecimal a = Amounts.requireEntered(amount, c.baseCurrency());
        LocalDate date = booking.valueDate(c, valueDate);
        Member m = Objects.requireNonNull(customers.member(cooperativeId, memberId));
        String code = booking.memberCode(cooperativeId, SalesAccountRole.SHOP_MEMBER_CREDIT, m);
        ShopCustomers.Payer from = customers.payer(cooperativeId, m, via);
        return booking.post(cooperativeId, idempotencyKey, date, "SHOP_CREDIT_REPAYMENT " + code, code,
                List.of(PostingLine.debit(from.accountCode(), a), PostingLine.credit(code, a)),
                from.rule().and(b -> DomainException.require(b.after(code).signum() >= 0, "sales.credit.repay-too-much",
                        m.displayNumber(), b.before(code).toPlainString())));
    }

    /**
     * The receipt of a repayment as a PDF in the reader's language: the member, the amount, how it was paid, and
     * the journal entry's number and fingerprint. Only an entry that repays this member's shop credit has one.
     */
    public byte[] receipt(long cooperativeId, long memberId, long journalEntryId, Locale locale) {
        Member m = Objects.requireNonNull(customers.member(cooperativeId, memberId));
        String code = booking.memberCode(cooperativeId, SalesAccountRole.SHOP_MEMBER_CREDIT, m);
        JournalEntry entry = ledger.entry(cooperativeId, journalEntryId);
        EntryLine repaid = entry.lines().stream().filter(l -> l.accountCode().equals(code) && l.side() == Side.CREDIT)
                .findFirst().filter(l -> entry.description().startsWith("SHOP_CREDIT_REPAYMENT"))
                .orElseThrow(() -> DomainException.notFound("sales.credit.receipt.not-found", journalEntryId));
        boolean cash = entry.lines().stream().anyMatch(l -> l.side() == Side.DEBIT && l.accountCode().equals(booking.cash(cooperativeId)));
        Cooperative c = booking.cooperative(cooperativeId);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(text("sales.credit.receipt.date", locale), DateText.date(entry.valueDate(), locale));
        facts.put(text("sales.credit.receipt.member", locale), m.displayNumber() + " — " + m.fullName());
        facts.put(text("sales.credit.receipt.amount", locale), MoneyText.money(repaid.amount(), c.baseCurrency(), locale));
        facts.put(text("sales.credit.receipt.via", locale), text(cash ? "sales.credit.receipt.via.CASH" : "sales.credit.receipt.via.SAVINGS",
                locale));
        facts.put(text("sales.credit.receipt.owed", locale), MoneyText.money(owed(cooperativeId, memberId), c.baseCurrency(), locale));
        facts.put(text("sales.credit.receipt.entry", locale), "#" + entry.sequence());
        return ReceiptLayout.pdf(new ReceiptLayout.Content(c.name(), ReceiptLayout.place(c.village(), c.district()),
                text("sales.credit.receipt.title", locale), facts, entry.hash(),
                List.of(text("sales.credit.receipt.signature.member", locale), text("sales.credit.receipt.signature.cashier", locale)),
                text("sales.credit.receipt.footer", locale)));
    }

    private static String text(String key, Locale locale) {
        return Messages.get(key, locale);
    }
}
