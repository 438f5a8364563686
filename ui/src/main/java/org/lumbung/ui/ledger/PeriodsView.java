package org.lumbung.ui.ledger;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.Approvals;
import org.lumbung.ledger.ClosingReport;
import org.lumbung.ledger.LedgerLimits;
import org.lumbung.ledger.Period;
import org.lumbung.ledger.PeriodEvent;
import org.lumbung.ledger.PeriodService;
import org.lumbung.platform.DomainException;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.components.TextLimit;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

/**
 * Monthly periods: closed in order by the chair, reopened (the latest only) with a reason; the log of
 * every closing and reopening below.
 */
@Route("ledger/periods")
@RequiresAbility("READ_LEDGER")
@Menu(title = "nav.periods", order = 330, icon = "vaadin:calendar")
@MenuGroup("nav.group.ledger")
public class PeriodsView extends VerticalLayout implements HasDynamicTitle {

    private final LedgerAccess access;
    private final PeriodService periods;
    private final Grid<Period> grid = new Grid<>();
    private final Grid<PeriodEvent> events = new Grid<>();
    private final Paragraph status = new Paragraph();
    private final UiAudit audit;
    private final Approvals approvals;
    private final Cooperative cooperative;
    private final ClosingReport reports;
    /** Read once per refresh, not once per row: every row's button depends on them. */
    private @Nullable LocalDate closedThrough;
    private @Nullable YearMonth nextToClose;

    public PeriodsView(LedgerAccess access, PeriodService periods, UiAudit audit,
                       Approvals approvals, ClosingReport reports) {
        this.access = access;
        this.reports = reports;
        this.approvals = approvals;
        this.audit = audit;
        this.periods = periods;
        this.cooperative = access.cooperative();
        Cooperative c = cooperative;
        grid.setId("periods-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(p -> month(p.month())).setHeader(getTranslation("periods.month")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation(p.closed() ? "periods.closed" : "periods.open")).setHeader(getTranslation("periods.status"));
        grid.addColumn(p -> p.closed() ? p.closedBy() + " · " + Formats.dateTime(p.closedAt(), c.zone(), getLocale()) : "")
                .setHeader(getTranslation("periods.closed-by"));
        grid.addComponentColumn(this::chainHead).setHeader(getTranslation("periods.chain-head")).setFlexGrow(2);
        grid.addComponentColumn(this::action).setKey("action").setHeader("").setAutoWidth(true);
        events.addThemeVariants(GridVariant.LUMO_COMPACT);
        events.setAllRowsVisible(true);
        events.addColumn(e -> month(e.month())).setHeader(getTranslation("periods.month")).setAutoWidth(true);
        events.addColumn(e -> getTranslation("periods.action." + e.action())).setHeader(getTranslation("periods.action"));
        events.addColumn(PeriodEvent::actor).setHeader(getTranslation("periods.actor"));
        events.addColumn(e -> Formats.dateTime(e.at(), c.zone(), getLocale())).setHeader(getTranslation("periods.at"));
        events.addColumn(e -> e.reason() == null ? "" : e.reason()).setHeader(getTranslation("periods.reason")).setFlexGrow(2);
        add(new H2(getTranslation("nav.periods")), status, grid, new H3(getTranslation("periods.log")), events);
        refresh();
    }

    private String month(YearMonth m) {
        return Formats.month(m, getLocale());
    }

    private void refresh() {
        long id = cooperative.id();
        closedThrough = periods.closedThrough(id);
        nextToClose = periods.nextToClose(id).orElse(null);
        status.setText(closedThrough == null ? getTranslation("periods.none-closed")
                : getTranslation("periods.closed-through", Formats.date(closedThrough, getLocale())));
        grid.setItems(periods.periods(id));
        events.setItems(periods.events(id));
    }

    /**
     * The chain head recorded at closing, in full (an auditor copies it out) with the closing report that
     * prints it.
     */
    private Component chainHead(Period p) {
        if (!p.closed()) {
            return new Span();
        }
        Span fingerprint = new Span("#" + p.headSequence() + " · " + p.headFingerprint());
        fingerprint.setId("head-" + p.month());
        fingerprint.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-xs)")
                .set("word-break", "break-all");
        String fileName = "closing-" + cooperative.code() + "-" + p.month() + ".pdf";
        Locale locale = getLocale();
        Anchor report = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] pdf = reports.pdf(cooperative.id(), p.month(), locale);
            return new DownloadResponse(new ByteArrayInputStream(pdf), fileName, "application/pdf", pdf.length);
        }), getTranslation("periods.closing-report"));
        report.setId("closing-report-" + p.month());
        report.getElement().setAttribute("download", fileName);
        report.getElement().insertChild(0, VaadinIcon.DOWNLOAD_ALT.create().getElement());
        return new Div(fingerprint, new Div(report));
    }

    private Component action(Period p) {
        if (!access.canClosePeriods()) {
            return new Span();
        }
        boolean latestClosed = p.closed() && closedThrough != null && YearMonth.from(closedThrough).equals(p.month());
        if (latestClosed) {
            Button reopen = new Button(getTranslation("periods.reopen"), e -> askReopen(p.month()));
            reopen.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            return reopen;
        }
        if (p.month().equals(nextToClose)) {
            Button close = new Button(getTranslation("periods.close"), e -> {
                try {
                    access.periodCloser();
                    periods.close(cooperative.id(), p.month());
                    audit.done(cooperative.id(), "CLOSE_PERIOD", p.month().toString());
                    Notifications.success(getTranslation("periods.closed.done", month(p.month())));
                } catch (DomainException ex) {
                    Notifications.refused(ex);
                }
                refresh();
            });
            close.setId("close-" + p.month());
            close.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            return close;
        }
        return new Span();
    }

    private void askReopen(YearMonth month) {
        Dialog ask = new Dialog();
        ask.setHeaderTitle(getTranslation("periods.reopen.title", month(month)));
        TextArea reason = new TextArea(getTranslation("periods.reason"));
        reason.setId("reopen-reason");
        reason.setRequired(true);
        TextLimit.limit(reason, LedgerLimits.MAX_REASON);
        reason.setWidthFull();
        ask.add(reason);
        Button confirm = new Button(getTranslation("periods.reopen"), e -> {
            if (!TextLimit.check(reason, LedgerLimits.MAX_REASON)) {
                return;
            }
            try {
                // maker-checker: reopening waits for a second chair or administrator
                access.periodCloser();
                approvals.requestReopening(cooperative.id(), month, reason.getValue());
                audit.done(cooperative.id(), "REQUEST_REOPEN", month + ": " + reason.getValue());
                Notifications.success(getTranslation("periods.reopen.requested", month(month)));
                ask.close();
            } catch (DomainException ex) {
                Notifications.refused(ex);
            }
            refresh();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        ask.getFooter().add(new Button(getTranslation("action.cancel"), e -> ask.close()), confirm);
        ask.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.periods") + " — Lumbung";
    }
}
