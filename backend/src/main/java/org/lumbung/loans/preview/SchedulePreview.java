package org.lumbung.loans.preview;

import org.lumbung.loans.schedule.Instalment;
import org.lumbung.loans.schedule.Schedule;

import java.util.List;

/** The preview's answer: amounts as decimal strings with the currency's minor units, dates as ISO dates. */
public record SchedulePreview(String currency, List<Row> instalments, String totalPrincipal, String totalInterest,
                              String totalRepayment) {

    public record Row(int number, String dueDate, String principal, String interest, String total) {

        static Row of(Instalment i) {
            return new Row(i.number(), i.dueDate().toString(), i.principal().toPlainString(),
                    i.interest().toPlainString(), i.total().toPlainString());
        }
    }

    static SchedulePreview of(Schedule s) {
        return new SchedulePreview(s.currency(), s.instalments().stream().map(Row::of).toList(),
                s.totalPrincipal().toPlainString(), s.totalInterest().toPlainString(),
                s.totalRepayment().toPlainString());
    }
}
