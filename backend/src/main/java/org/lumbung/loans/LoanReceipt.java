package org.lumbung.loans;

import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.JournalEntry;
import org.lumbung.ledger.LedgerService;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.DateText;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.platform.i18n.MoneyText;
import org.lumbung.platform.pdf.ReceiptLayout;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The receipt of a repayment, payoff or recovery, as a PDF in the borrower's language: the loan, the amount,
 * its split (principal, interest, fees, penalty) and the principal outstanding after it, with the journal
 * entry's number and fingerprint as proof. A member asking for another member's receipt gets not-found.
 */
@Service
@PreAuthorize("@access.may('SIGNED_IN')")
public class LoanReceipt {

    private final LoanService loans;
    private final MemberService members;
    private final CooperativeService cooperatives;
    private final LedgerService ledger;

    public LoanReceipt(LoanService loans, MemberService members, CooperativeService cooperatives, LedgerService ledger) {
        this.loans = loans;
        this.members = members;
        this.cooperatives = cooperatives;
        this.ledger = ledger;
    }

    public byte[] pdf(long cooperativeId, long loanId, long transactionId) {
        Loan loan = loans.loan(cooperativeId, loanId);
        LoanTransaction t = loans.transactions(cooperativeId, loanId).stream().filter(x -> x.id() == transactionId)
                .filter(x -> x.journalEntryId() != null && x.kind() != LoanTransaction.Kind.DISBURSEMENT
                        && x.kind() != LoanTransaction.Kind.WRITE_OFF).findFirst()
                .orElseThrow(() -> DomainException.notFound("loans.receipt.not-found", transactionId));
        Member member = members.member(cooperativeId, loan.memberId());
        Cooperative cooperative = cooperatives.byId(cooperativeId);
        Locale locale = Messages.forCode(member.locale());
        JournalEntry entry = ledger.entry(cooperativeId, Objects.requireNonNull(t.journalEntryId(), "filtered above"));
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put(text("loans.receipt.date", locale), DateText.date(t.valueDate(), locale));
        rows.put(text("loans.receipt.member", locale), member.displayNumber() + " — " + member.fullName());
        rows.put(text("loans.receipt.loan", locale), loan.number());
        rows.put(text("loans.receipt.kind", locale), text("loans.receipt.kind." + t.kind().name(), locale));
        rows.put(text("loans.receipt.amount", locale), money(t.amount(), loan, locale));
        part(rows, "loans.receipt.principal", t.principal(), loan, locale);
        part(rows, "loans.receipt.interest", t.interest(), loan, locale);
        part(rows, "loans.receipt.fees", t.fees(), loan, locale);
        part(rows, "loans.receipt.penalty", t.penalty(), loan, locale);
        rows.put(text("loans.receipt.outstanding", locale), money(t.outstandingAfter(), loan, locale));
        rows.put(text("loans.receipt.recorded-by", locale), t.recordedBy());
        rows.put(text("loans.receipt.entry", locale), "#" + entry.sequence());
        return ReceiptLayout.pdf(new ReceiptLayout.Content(cooperative.name(), ReceiptLayout.place(cooperative.village(), cooperative.district()),
                text("loans.receipt.title", locale), rows, entry.hash(),
                List.of(text("loans.receipt.signature.member", locale), text("loans.receipt.signature.treasurer", locale)),
                text("loans.receipt.footer", locale)));
    }

    /** A part of the split, when the payment had one. */
    private static void part(Map<String, String> rows, String key, BigDecimal amount, Loan loan, Locale locale) {
        if (amount.signum() > 0) {
            rows.put(text(key, locale), money(amount, loan, locale));
        }
    }

    private static String money(BigDecimal amount, Loan loan, Locale locale) {
        return MoneyText.money(amount, loan.currency(), locale);
    }

    private static String text(String key, Locale locale) {
        return Messages.get(key, locale);
    }
}
