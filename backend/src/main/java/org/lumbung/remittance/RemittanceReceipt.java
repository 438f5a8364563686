package org.lumbung.remittance;

import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.fx.ExchangeRateService;
import org.lumbung.ledger.JournalEntry;
import org.lumbung.ledger.LedgerService;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.platform.i18n.DateText;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.platform.i18n.MoneyText;
import org.lumbung.platform.pdf.ReceiptLayout;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The numbered receipt of a remittance as a PDF in the member's language: what was sent, in which currency, from
 * where and how, the sender's fee, the rate (and its date), the amount received in the cooperative's currency and
 * where every part of it went, with the journal entry's number and fingerprint as proof. A member asking for
 * another member's receipt gets not-found (the service checks).
 */
@Service
@PreAuthorize("@access.may('SIGNED_IN')")
public class RemittanceReceipt {

    private final RemittanceService remittances;
    private final MemberService members;
    private final CooperativeService cooperatives;
    private final LedgerService ledger;

    public RemittanceReceipt(RemittanceService remittances, MemberService members, CooperativeService cooperatives,
                             LedgerService ledger) {
        this.remittances = remittances;
        this.members = members;
        this.cooperatives = cooperatives;
        this.ledger = ledger;
    }

    public byte[] pdf(long cooperativeId, long remittanceId) {
        Remittance r = remittances.remittance(cooperativeId, remittanceId);
        Member member = members.member(cooperativeId, r.memberId());
        Cooperative cooperative = cooperatives.byId(cooperativeId);
        Locale locale = Messages.forCode(member.locale());
        JournalEntry entry = ledger.entry(cooperativeId, r.journalEntryId());
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put(text("remittance.receipt.number", locale), "#" + r.receiptNumber());
        rows.put(text("remittance.receipt.date", locale), DateText.date(r.receivedOn(), locale));
        rows.put(text("remittance.receipt.member", locale), member.displayNumber() + " — " + member.fullName());
        rows.put(text("remittance.receipt.from", locale), country(r.corridor(), locale) + " · "
                + text("remittance.channel." + r.channel().name(), locale));
        rows.put(text("remittance.receipt.sent", locale), MoneyText.money(r.sentAmount(), r.sentCurrency(), locale));
        rows.put(text("remittance.receipt.fee", locale), MoneyText.money(r.fee(), r.sentCurrency(), locale));
        rows.put(text("remittance.receipt.rate", locale), rateText(r, locale));
        rows.put(text("remittance.receipt.received", locale), MoneyText.money(r.receivedAmount(), r.receivedCurrency(), locale));
        r.allocations().forEach(a -> allocationRows(rows, a, r.receivedCurrency(), locale));
        rows.put(text("remittance.receipt.recorded-by", locale), r.recordedBy());
        rows.put(text("remittance.receipt.entry", locale), "#" + entry.sequence());
        return ReceiptLayout.pdf(new ReceiptLayout.Content(cooperative.name(),
                ReceiptLayout.place(cooperative.village(), cooperative.district()), text("remittance.receipt.title", locale),
                rows, entry.hash(), List.of(text("remittance.receipt.signature.member", locale),
                text("remittance.receipt.signature.treasurer", locale)), text("remittance.receipt.footer", locale)));
    }

    /** "1 MYR = Rp 3.550,123456 (27 Nov 2026, entered)". */
    public static String rateText(Remittance r, Locale locale) {
        return Messages.get("remittance.receipt.rate.value", locale, r.sentCurrency(), rate(r.rate(), locale),
                r.receivedCurrency(), DateText.date(r.rateDate(), locale),
                Messages.get("remittance.rate-source." + r.rateSource().name(), locale));
    }

    /** A rate in the reader's digits, every decimal it has (at most 8). */
    public static String rate(BigDecimal rate, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(Math.max(0, rate.stripTrailingZeros().scale()));
        format.setMaximumFractionDigits(ExchangeRateService.RATE_SCALE);
        return format.format(rate);
    }

    public static String country(String code, Locale locale) {
        String name = new Locale("", code).getDisplayCountry(locale);
        return name.isBlank() || name.equals(code) ? code : name;
    }

    /** Where a part went; cash shows what was handed out when the cash rounding changed it. */
    private static void allocationRows(Map<String, String> rows, Allocation a, String currency, Locale locale) {
        String label = text("remittance.kind." + a.kind().name(), locale) + (a.reference() == null ? "" : " " + a.reference());
        rows.put(label, MoneyText.money(a.amount(), currency, locale));
        if (a.cashPaid() != null && a.cashPaid().compareTo(a.amount()) != 0) {
            rows.put(text("remittance.receipt.cash-paid", locale), MoneyText.money(a.cashPaid(), currency, locale));
            rows.put(text("remittance.receipt.cash-rounding", locale),
                    MoneyText.money(a.amount().subtract(a.cashPaid()), currency, locale));
        }
    }

    private static String text(String key, Locale locale) {
        return Messages.get(key, locale);
    }
}
