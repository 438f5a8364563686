package org.lumbung.ui.ledger;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.lumbung.ledger.ApprovalDetail;
import org.lumbung.ledger.EntryDescriptions;
import org.lumbung.ledger.Side;
import org.lumbung.ui.components.PersonNames;
import org.lumbung.ui.i18n.Formats;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a request is about, in full: the entry a reversal would undo (date, description, every line with its
 * account and member, total, who posted it when) or the month a reopening would open (who closed it when,
 * entries since), and who asked, when and why.
 */
class ApprovalSummary extends VerticalLayout {

    private final PersonNames people;

    ApprovalSummary(ApprovalDetail d, ZoneId zone, Locale locale, PersonNames people) {
        this.people = people;
        setPadding(false);
        setSpacing(false);
        setId("approval-summary");
        if (d.entry() != null) {
            entry(d.entry(), zone, locale);
        } else {
            period(Objects.requireNonNull(d.period()), zone, locale);
        }
        add(row("periods.reason", d.approval().reason()),
                row("approvals.requested", people.of(d.approval().requestedBy()) + " · "
                        + Formats.dateTime(d.approval().requestedAt(), zone, locale)));
    }

    static String month(YearMonth month, Locale locale) {
        return DateTimeFormatter.ofPattern("MMMM yyyy", locale).format(month);
    }

    /** The debits of the entry, per currency, as one text: what the reversal moves back. */
    static String total(ApprovalDetail.EntryToReverse e, Locale locale) {
        return e.totals().entrySet().stream().map(t -> Formats.money(t.getValue(), t.getKey(), locale))
                .collect(Collectors.joining(" + "));
    }

    private void entry(ApprovalDetail.EntryToReverse e, ZoneId zone, Locale locale) {
        add(row("entry.value-date", Formats.date(e.valueDate(), locale)), row("entry.description", EntryDescriptions.readable(e.description(), locale)));
        Grid<ApprovalDetail.Line> lines = new Grid<>();
        lines.setId("approval-lines");
        lines.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        lines.setAllRowsVisible(true);
        lines.addColumn(l -> l.accountCode() + " " + l.accountName(locale)).setHeader(getTranslation("entry.account")).setFlexGrow(2);
        lines.addColumn(l -> l.member() == null ? "" : l.member()).setHeader(getTranslation("approvals.member")).setFlexGrow(1);
        lines.addColumn(l -> l.side() == Side.DEBIT ? Formats.money(l.amount(), l.currency(), locale) : "")
                .setHeader(getTranslation("entry.debit")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        lines.addColumn(l -> l.side() == Side.CREDIT ? Formats.money(l.amount(), l.currency(), locale) : "")
                .setHeader(getTranslation("entry.credit")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        lines.setItems(e.lines());
        lines.setWidthFull();
        add(lines, row("approvals.total", total(e, locale)),
                row("entry.created", people.of(e.postedBy()) + " · " + Formats.dateTime(e.postedAt(), zone, locale)));
    }

    private void period(ApprovalDetail.PeriodToReopen p, ZoneId zone, Locale locale) {
        add(row("approvals.period", month(p.month(), locale)),
                row("approvals.closed-by", people.of(p.closedBy()) + " · " + Formats.dateTime(p.closedAt(), zone, locale)),
                row("approvals.entries-since", Formats.number(p.entriesSince(), locale)));
    }

    private Div row(String key, String value) {
        Span label = new Span(getTranslation(key));
        label.getStyle().set("color", "var(--lumo-secondary-text-color)").set("min-width", "10em").set("display", "inline-block");
        Span shown = new Span(value);
        shown.addClassName("approval-" + key.replace('.', '-'));
        return new Div(label, shown);
    }
}
