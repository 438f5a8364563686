package org.lumbung.savings;

import org.jooq.DSLContext;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.platform.i18n.DateText;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.platform.i18n.MoneyText;
import org.lumbung.platform.pdf.ReceiptLayout;
import org.lumbung.security.UserService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The printed receipt of a savings transaction, as a PDF (A6, what a receipt printer or a phone shows),
 * in the member's language: cooperative, receipt number, member, account, amount, balance after, and the
 * journal entry's number and fingerprint as proof, laid out as every receipt is ({@link ReceiptLayout}).
 */
@Service
@PreAuthorize("@access.may('SIGNED_IN')")
public class ReceiptDocument {

    private final DSLContext dsl;
    private final SavingsService savings;
    private final MemberService members;
    private final CooperativeService cooperatives;
    private final UserService users;

    public ReceiptDocument(DSLContext dsl, SavingsService savings, MemberService members, CooperativeService cooperatives,
                           UserService users) {
        this.users = users;
        this.dsl = dsl;
        this.savings = savings;
        this.members = members;
        this.cooperatives = cooperatives;
    }

    /** The receipt as PDF bytes; another member's receipt, for a member, is not found. */
    public byte[] pdf(long cooperativeId, int receiptNumber) {
        SavingsTransaction t = savings.receipt(cooperativeId, receiptNumber);
        Member member = members.member(cooperativeId, t.memberId());
        Cooperative cooperative = cooperatives.byId(cooperativeId);
        Locale locale = Messages.forCode(member.locale());
        SavingsRows.EntryProof proof = SavingsRows.entryProof(dsl, t.journalEntryId());
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put(text("receipt.number", locale), "%06d".formatted(t.receiptNumber()));
        rows.put(text("receipt.date", locale), DateText.date(t.valueDate(), locale));
        rows.put(text("receipt.member", locale), member.displayNumber() + " — " + member.fullName());
        rows.put(text("receipt.account", locale), t.accountNumber());
        rows.put(text("receipt.kind", locale), text("receipt.kind." + t.kind().name(), locale));
        if (t.counterAccountNumber() != null) {
            rows.put(text("receipt.transfer.to", locale), t.counterAccountNumber());
        }
        rows.put(text("receipt.amount", locale), MoneyText.money(t.amount(), t.currency(), locale));
        rows.put(text("receipt.balance", locale), MoneyText.money(savings.balanceAfter(cooperativeId, t), t.currency(), locale));
        if (t.note() != null) {
            rows.put(text("receipt.note", locale), t.note());
        }
        rows.put(text("receipt.recorded-by", locale), users.displayName(t.recordedBy()));
        rows.put(text("receipt.entry", locale), "#" + proof.sequence());
        return ReceiptLayout.pdf(new ReceiptLayout.Content(cooperative.name(),
                ReceiptLayout.place(cooperative.village(), cooperative.district()), text("receipt.title", locale), rows,
                proof.fingerprint(), List.of(text("receipt.signature.member", locale), text("receipt.signature.treasurer", locale)),
                text("receipt.footer", locale)));
    }

    private static String text(String key, Locale locale) {
        return Messages.get(key, locale);
    }
}
