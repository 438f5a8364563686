package org.lumbung.remittance;

import org.lumbung.platform.i18n.Messages;
import org.lumbung.platform.i18n.MoneyText;
import org.lumbung.platform.money.Amounts;
import org.lumbung.reports.MemberStatement;
import org.lumbung.reports.MemberStatementSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The remittances the member received in the range, one section per currency received, newest last. */
@Component
@Order(300)
class RemittanceStatementSource implements MemberStatementSource {

    private final RemittanceService remittances;

    RemittanceStatementSource(RemittanceService remittances) {
        this.remittances = remittances;
    }

    @Override
    public List<MemberStatement.Section> sections(long cooperativeId, long memberId, LocalDate from, LocalDate to, Locale locale) {
        Map<String, List<MemberStatement.Line>> byCurrency = new TreeMap<>();
        List<Remittance> received = new ArrayList<>(remittances.remittances(cooperativeId, new RemittanceFilter(from, to, memberId), 0,
                Math.min(MAX_LINES, RemittanceService.MAX_PAGE)));
        received.sort((a, b) -> a.receivedOn().compareTo(b.receivedOn()));
        for (Remittance r : received) {
            BigDecimal zero = Amounts.normalise(BigDecimal.ZERO, r.receivedCurrency());
            byCurrency.computeIfAbsent(r.receivedCurrency(), c -> new ArrayList<>()).add(new MemberStatement.Line(r.receivedOn(),
                    Messages.get("member-statement.remittance.line", locale, r.receiptNumber(), RemittanceReceipt.country(r.corridor(), locale),
                            MoneyText.money(r.sentAmount(), r.sentCurrency(), locale)),
                    r.receivedAmount(), zero, null));
        }
        List<MemberStatement.Section> sections = new ArrayList<>();
        byCurrency.forEach((currency, lines) -> sections.add(new MemberStatement.Section(
                Messages.get("member-statement.remittance.title", locale), currency, null, lines, null)));
        return sections;
    }
}
