package org.lumbung.ui.reports;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.LedgerAbility;
import org.lumbung.platform.DomainException;
import org.lumbung.reports.FiscalYear;
import org.lumbung.reports.MemberShare;
import org.lumbung.reports.ShuDistribution;
import org.lumbung.reports.ShuDocument;
import org.lumbung.reports.ShuPayouts;
import org.lumbung.reports.ShuPool;
import org.lumbung.reports.ShuPosting;
import org.lumbung.reports.ShuService;
import org.lumbung.reports.YearEndClose;
import org.lumbung.savings.SavingsAbility;
import org.lumbung.security.AccessPolicy;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.components.Confirmation;
import org.lumbung.ui.components.GridExport;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The year-end close and the SHU distribution of a fiscal year: close (the chair), ask to reopen (approved by someone
 * else in Approvals), the meeting's split, the preview of the pools and every member's share, the printable list for
 * the annual meeting, and posting the distribution to voluntary savings or to the payable.
 */
@Route("reports/shu")
@RequiresAbility("READ_LEDGER")
@Menu(title = "nav.shu", order = 510, icon = "vaadin:pie-chart")
@MenuGroup("nav.group.reports")
public class ShuView extends VerticalLayout implements HasDynamicTitle {

    private final Cooperative cooperative;
    private final ShuService shu;
    private final YearEndClose yearEnd;
    private final ShuPosting posting;
    private final boolean decides;
    private final Select<Integer> year = new Select<>();
    private final Span status = new Span();
    private final FlexLayout actions = new FlexLayout();
    private final ShuSplitForm split;
    private final Grid<ShuPool> pools = new Grid<>();
    private final Grid<MemberShare> shares = new Grid<>();
    private final ShuPayouts payouts;
    private final boolean pays;
    private @Nullable ShuDistribution shown;
    private Map<Long, ShuPayouts.Payout> paid = Map.of();

    public ShuView(CurrentCooperative cooperatives, ShuService shu, YearEndClose yearEnd, ShuPosting posting,
                   AccessPolicy access, Clock clock, ShuPayouts payouts) {
        this.cooperative = cooperatives.require();
        this.payouts = payouts;
        this.pays = access.may(SavingsAbility.RECORD_SAVINGS);
        this.shu = shu;
        this.yearEnd = yearEnd;
        this.posting = posting;
        this.decides = access.may(LedgerAbility.CLOSE_PERIOD);
        setSizeFull();
        int current = FiscalYear.containing(cooperative, cooperative.today(clock)).year();
        year.setId("shu-year");
        year.setLabel(getTranslation("shu.year"));
        year.setItems(IntStream.rangeClosed(current - 10, current).boxed().sorted((a, b) -> b - a).toList());
        year.addValueChangeListener(e -> load());
        status.setId("shu-status");
        split = new ShuSplitForm(s -> act(() -> shu.saveSplit(cooperative.id(), year.getValue(), s), "shu.split.saved"));
        poolsGrid();
        sharesGrid();
        ExportLinks<ShuDistribution> print = new ExportLinks<>("shu", () -> shown,
                d -> ShuDocument.pdf(cooperative, d, getLocale()), d -> ShuDocument.xlsx(cooperative, d, getLocale()));
        FlexLayout bar = new FlexLayout(year, status, actions, print);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("gap", "var(--lumo-space-m)");
        actions.getStyle().set("gap", "var(--lumo-space-s)");
        add(new H2(getTranslation("nav.shu")), bar, new H3(getTranslation("shu.split")), split,
                new H3(getTranslation("shu.pools")), pools, new H3(getTranslation("shu.members")),
                new GridExport<>(shares, "shu-shares"), shares);
        setFlexGrow(1, shares);
        year.setValue(current - 1);
    }

    private void poolsGrid() {
        pools.setId("shu-pools");
        pools.setAllRowsVisible(true);
        pools.addThemeVariants(GridVariant.LUMO_COMPACT);
        pools.addColumn(p -> getTranslation("shu.pool." + p.key())).setHeader(getTranslation("shu.pool"));
        pools.addColumn(p -> Formats.rate(Objects.requireNonNull(shown).split().percent(p), getLocale())).setHeader("%")
                .setTextAlign(ColumnTextAlign.END);
        pools.addColumn(p -> money(Objects.requireNonNull(shown).pool(p)))
                .setHeader(getTranslation("shu.amount")).setTextAlign(ColumnTextAlign.END);
        pools.setItems(Arrays.asList(ShuPool.values()));
    }

    private void sharesGrid() {
        shares.setId("shu-shares");
        shares.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        GridExport.column(shares, MemberShare::memberNumber).setHeader(getTranslation("shu.member-number")).setAutoWidth(true).setFlexGrow(0);
        GridExport.column(shares, MemberShare::fullName).setHeader(getTranslation("shu.member")).setFlexGrow(2);
        GridExport.column(shares, s -> money(s.capitalBase())).setHeader(getTranslation("shu.capital-base.column")).setTextAlign(ColumnTextAlign.END);
        GridExport.column(shares, s -> money(s.patronageBase())).setHeader(getTranslation("shu.patronage-base")).setTextAlign(ColumnTextAlign.END);
        GridExport.column(shares, s -> money(s.jasaModal())).setHeader(getTranslation("shu.jasa-modal")).setTextAlign(ColumnTextAlign.END);
        GridExport.column(shares, s -> money(s.jasaUsaha())).setHeader(getTranslation("shu.jasa-usaha")).setTextAlign(ColumnTextAlign.END);
        GridExport.column(shares, s -> money(s.total())).setHeader(getTranslation("shu.total")).setTextAlign(ColumnTextAlign.END);
        shares.addComponentColumn(this::payout).setHeader(getTranslation("shu.payout")).setAutoWidth(true);
    }

    /**
     * After the distribution: the receipt of a share paid out or credited to savings, or the buttons to pay one still on
     * the payable (every share after a distribution to the payable; after one to savings, a member who had no account).
     */
    private Component payout(MemberShare s) {
        ShuDistribution shown = Objects.requireNonNull(this.shown, "a year is shown from the start");
        if (shown.posted() == null || s.total().signum() <= 0) {
            return new Span();
        }
        ShuPayouts.Payout p = paid.get(s.memberId());
        if (p != null) {
            Anchor receipt = new Anchor();
            receipt.setHref(DownloadHandler.fromInputStream(e -> {
                byte[] pdf = payouts.receipt(cooperative.id(), p.year(), p.memberId());
                return new DownloadResponse(new ByteArrayInputStream(pdf), "shu-" + p.year() + "-" + p.receiptNumber() + ".pdf",
                        "application/pdf", pdf.length);
            }));
            receipt.setText(getTranslation("shu.payout.receipt", p.receiptNumber()));
            receipt.setId("shu-receipt-" + s.memberNumber());
            receipt.setTarget("_blank");
            return receipt;
        }
        if (!pays) {
            return new Span();
        }
        FlexLayout buttons = new FlexLayout();
        buttons.getStyle().set("gap", "var(--lumo-space-xs)");
        for (ShuPayouts.Destination d : ShuPayouts.Destination.values()) {
            Button b = new Button(getTranslation("shu.payout." + d.name()),
                    e -> act(() -> payouts.pay(cooperative.id(), year.getValue(), s.memberId(), d), "shu.payout.done"));
            b.setId("shu-pay-" + d.name().toLowerCase() + "-" + s.memberNumber());
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
            buttons.add(b);
        }
        return buttons;
    }

    private String money(BigDecimal amount) {
        return Formats.money(amount, Objects.requireNonNull(shown, "a year is shown from the start").currency(), getLocale());
    }

    private void load() {
        shown = shu.preview(cooperative.id(), year.getValue());
        boolean closed = shown.yearClosed();
        boolean posted = shown.posted() != null;
        status.setText(getTranslation(posted ? "shu.status.posted" : closed ? "shu.status.closed" : "shu.status.open",
                Formats.money(shown.surplus(), shown.currency(), getLocale())));
        split.show(shown.split(), decides && !posted);
        pools.getDataProvider().refreshAll();
        paid = shown.posted() == null ? Map.of() : payouts.payouts(cooperative.id(), year.getValue()).stream()
                .collect(Collectors.toMap(ShuPayouts.Payout::memberId, x -> x));
        shares.setItems(shown.shares());
        actions.removeAll();
        if (decides && !posted) {
            actions.add(closed ? button("shu-reopen", "shu.reopen", this::askReopening)
                    : button("shu-close", "shu.close", this::confirmClose));
            if (closed) {
                actions.add(button("shu-post", "shu.post", this::confirmPost));
            }
        }
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(getTranslation(key), e -> action.run());
        b.setId(id);
        return b;
    }

    private void confirmClose() {
        Confirmation.ask(getTranslation("shu.close"), getTranslation("shu.close.question", String.valueOf(year.getValue())),
                getTranslation("shu.close"), getTranslation("shu.cancel"),
                () -> act(() -> yearEnd.close(cooperative.id(), year.getValue()), "shu.closed"));
    }

    private void askReopening() {
        TextArea reason = new TextArea(getTranslation("shu.reopen.reason"));
        reason.setId("shu-reopen-reason");
        reason.setMaxLength(500);
        reason.setWidthFull();
        Confirmation.ask(getTranslation("shu.reopen"), reason, getTranslation("shu.reopen"), getTranslation("shu.cancel"),
                () -> act(() -> yearEnd.requestReopening(cooperative.id(), year.getValue(), reason.getValue()), "shu.reopen.asked"));
    }

    private void confirmPost() {
        RadioButtonGroup<ShuDistribution.Destination> destination = new RadioButtonGroup<>(getTranslation("shu.destination"));
        destination.setId("shu-destination");
        destination.setItems(ShuDistribution.Destination.values());
        destination.setItemLabelGenerator(d -> getTranslation("shu.destination." + d.name()));
        destination.setValue(ShuDistribution.Destination.PAYABLE);
        Confirmation.ask(getTranslation("shu.post"), destination, getTranslation("shu.post"), getTranslation("shu.cancel"),
                () -> act(() -> posting.post(cooperative.id(), year.getValue(), destination.getValue()), "shu.posted"));
    }

    /** Runs a command; a refusal is said in the reader's language and changes nothing. */
    private void act(Runnable command, String doneKey) {
        try {
            command.run();
            Notifications.success(getTranslation(doneKey, String.valueOf(year.getValue())));
            load();
        } catch (DomainException e) {
            Notifications.refused(e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.shu") + " — Lumbung";
    }
}
