package org.lumbung.ui.ledger;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.Approval;
import org.lumbung.ledger.Approvals;
import org.lumbung.ledger.EntryDescriptions;
import org.lumbung.ledger.EntryLine;
import org.lumbung.ledger.JournalEntry;
import org.lumbung.ledger.LedgerLimits;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.Side;
import org.lumbung.platform.DomainException;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.components.PersonNames;
import org.lumbung.ui.components.TextLimit;
import org.lumbung.ui.i18n.Formats;

import java.util.Optional;

/** One entry: its lines, its place in the chain, its reversal link, and the reversal itself. */
class EntryDialog extends Dialog {

    EntryDialog(LedgerAccess access, LedgerService ledger, Approvals approvals, UiAudit audit,
                PersonNames people, long entryId, Runnable changed) {
        Cooperative c = access.cooperative();
        JournalEntry e = ledger.entry(c.id(), entryId);
        setHeaderTitle(getTranslation("entry.title", e.sequence()));
        setWidth("min(56em, 96vw)");
        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        String readable = EntryDescriptions.readable(e.description(), getLocale());
        body.add(field("entry.description", readable));
        if (!readable.equals(e.description())) {
            body.add(field("entry.description.sealed", e.description())); // what the fingerprint covers, as stored
        }
        body.add(                field("entry.value-date", Formats.date(e.valueDate(), getLocale())),
                field("entry.booking-date", Formats.date(e.bookingDate(), getLocale())),
                field("entry.source", JournalView.sourceLabel(e.sourceType()) + (e.sourceRef() == null ? "" : " · " + e.sourceRef())),
                field("entry.created", people.of(e.createdBy()) + " · " + Formats.dateTime(e.createdAt(), c.zone(), getLocale())));
        Grid<EntryLine> lines = new Grid<>();
        lines.setId("entry-lines");
        lines.addThemeVariants(GridVariant.LUMO_COMPACT);
        lines.setAllRowsVisible(true);
        lines.addColumn(l -> access.accountLabel(l.accountCode(), getLocale())).setHeader(getTranslation("entry.account")).setAutoWidth(true);
        lines.addColumn(l -> l.side() == Side.DEBIT ? Formats.money(l.amount(), l.currency(), getLocale()) : "")
                .setHeader(getTranslation("entry.debit")).setTextAlign(ColumnTextAlign.END);
        lines.addColumn(l -> l.side() == Side.CREDIT ? Formats.money(l.amount(), l.currency(), getLocale()) : "")
                .setHeader(getTranslation("entry.credit")).setTextAlign(ColumnTextAlign.END);
        lines.setItems(e.lines());
        body.add(lines);
        if (e.reversesEntryId() != null) {
            JournalEntry original = ledger.entry(c.id(), e.reversesEntryId());
            body.add(field("entry.reverses", "#" + original.sequence() + " — " + e.reversalReason()));
        }
        Optional<JournalEntry> reversal = ledger.reversalOf(c.id(), e.id());
        reversal.ifPresent(r -> body.add(field("entry.reversed-by", "#" + r.sequence() + " — " + r.reversalReason())));
        Span hash = new Span(e.hash());
        hash.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-xs)").set("word-break", "break-all");
        hash.setId("entry-hash");
        body.add(field("entry.hash", null), hash);
        add(body);

        Button close = new Button(getTranslation("action.close"), ev -> close());
        getFooter().add(close);
        if (access.canPost() && e.reversesEntryId() == null && reversal.isEmpty()) {
            Button reverse = new Button(getTranslation("entry.reverse"), ev -> askReason(access, approvals, audit, e, changed));
            reverse.setId("reverse-entry");
            reverse.addThemeVariants(ButtonVariant.LUMO_ERROR);
            getFooter().add(reverse);
        }
    }

    /** Maker-checker: the reversal is asked for here and carried out when a chair or administrator approves it. */
    private void askReason(LedgerAccess access, Approvals approvals, UiAudit audit,
                           JournalEntry e, Runnable changed) {
        Dialog ask = new Dialog();
        ask.setHeaderTitle(getTranslation("entry.reverse.title", e.sequence()));
        TextArea reason = new TextArea(getTranslation("entry.reverse.reason"));
        reason.setId("reversal-reason");
        reason.setWidthFull();
        reason.setRequired(true);
        TextLimit.limit(reason, LedgerLimits.MAX_REASON);
        ask.add(new Paragraph(getTranslation("entry.reverse.maker-checker")), reason);
        Button confirm = new Button(getTranslation("entry.reverse.request"), ev -> {
            if (!TextLimit.check(reason, LedgerLimits.MAX_REASON)) {
                ev.getSource().setEnabled(true);
                return;
            }
            try {
                access.poster();
                Approval request = approvals.requestReversal(access.cooperative().id(), e.id(),
                        reason.getValue());
                audit.done(e.cooperativeId(), "REQUEST_REVERSAL", "entry #" + e.sequence() + ": " + reason.getValue());
                Notifications.success(getTranslation("entry.reverse.requested", e.sequence(), request.id()));
                ask.close();
                close();
                changed.run();
            } catch (DomainException ex) {
                audit.refused(e.cooperativeId(), "REQUEST_REVERSAL", "entry #" + e.sequence() + ": " + ex.messageKey());
                Notifications.refused(ex);
                ev.getSource().setEnabled(true);
            }
        });
        confirm.setId("confirm-reversal");
        confirm.setDisableOnClick(true);
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        ask.getFooter().add(new Button(getTranslation("action.cancel"), ev -> ask.close()), confirm);
        ask.open();
    }

    private Div field(String key, @Nullable String value) {
        Span label = new Span(getTranslation(key));
        label.getStyle().set("color", "var(--lumo-secondary-text-color)").set("min-width", "10em").set("display", "inline-block");
        Div row = new Div(label);
        if (value != null) {
            row.add(new Span(value));
        }
        return row;
    }
}
