package org.lumbung.savings;

import org.jooq.DSLContext;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.platform.i18n.MoneyText;
import org.lumbung.platform.pdf.ReceiptLayout;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The printed receipt of a savings transaction, as a PDF ({@link ReceiptLayout}), in the member's language:
 * cooperative, receipt number, member, account, amount, balance after, and the journal entry's number and
 * fingerprint as proof.
 */
@Service
@PreAuthorize("@access.may('SIGNED_IN')")
public class ReceiptDocument {

    private final DSLContext dsl;
    private final SavingsService savings;
    private final MemberService members;
    private final CooperativeService cooperatives;

    public ReceiptDocument(DSLContext dsl, SavingsService savings, MemberService members, CooperativeService cooperatives) {
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
        String[] proof = SavingsRows.entryProof(dsl, t.journalEntryId());
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put(text("receipt.number", locale), "%06d".formatted(t.receiptNumber()));
        rows.put(text("receipt.date", locale), dates.format(t.valueDate()));
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
        rows.put(text("receipt.recorded-by", locale), t.recordedBy());
        rows.put(text("receipt.entry", locale), "#" + proof[0]);
        return ReceiptLayout.pdf(new ReceiptLayout.Content(cooperative.name(), place(cooperative),
                text("receipt.title", locale), rows, proof[1],
                List.of(text("receipt.signature.member", locale), text("receipt.signature.treasurer", locale)),
                text("receipt.footer", locale)));
    }

    /** The cooperative's village and district, as a receipt's heading names its place. */
    public static String place(Cooperative c) {
        return String.join(", ", Arrays.stream(new String[] {c.village(), c.district()})
                .filter(p -> p != null && !p.isBlank()).toArray(String[]::new));
    }

    private static String text(String key, Locale locale) {
        return Messages.get(key, locale);
    }
}
