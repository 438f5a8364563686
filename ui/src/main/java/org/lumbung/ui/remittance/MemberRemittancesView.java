package org.lumbung.ui.remittance;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.platform.DomainException;
import org.lumbung.remittance.AllocationKind;
import org.lumbung.remittance.Remittance;
import org.lumbung.remittance.RemittanceFilter;
import org.lumbung.remittance.RemittanceReceipt;
import org.lumbung.remittance.RemittanceReports;
import org.lumbung.remittance.RemittanceReports.MemberHistory;
import org.lumbung.remittance.RemittanceService;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.components.FigureCard;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One member's remittance history for the staff, reached from her member page: how many arrived, from which
 * corridors, how much was put to work, and every receipt with where its parts went. Another cooperative's member, or
 * a number that does not exist, is not found.
 */
@Route("remittances/member/:memberId([0-9]{1,18})")
@RequiresAbility("VIEW_REMITTANCES")
public class MemberRemittancesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CurrentCooperative current;
    private final MemberService members;
    private final RemittanceService remittances;
    private final RemittanceReports reports;
    private final RemittanceReceipt receipts;
    private @Nullable Member member;

    public MemberRemittancesView(CurrentCooperative current, MemberService members, RemittanceService remittances,
                                 RemittanceReports reports, RemittanceReceipt receipts) {
        this.current = current;
        this.members = members;
        this.remittances = remittances;
        this.reports = reports;
        this.receipts = receipts;
        setMaxWidth("80em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Cooperative cooperative = current.require();
        try {
            member = members.member(cooperative.id(), Long.parseLong(event.getRouteParameters().get("memberId").orElse("0")));
        } catch (NumberFormatException | DomainException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        H2 title = new H2(getTranslation("remit.member-history.title", member.displayNumber(), member.fullName()));
        title.setId("member-remittances-title");
        Anchor back = new Anchor("members/" + member.id(), getTranslation("remit.member-history.back"));
        add(back, title, figures(reports.memberHistory(cooperative.id(), member.id(), cooperative.baseCurrency()),
                cooperative.baseCurrency()), grid(cooperative));
    }

    private Div figures(MemberHistory h, String currency) {
        Div figures = new Div();
        figures.setId("member-remittances-figures");
        figures.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fill, minmax(min(14em, 100%), 1fr))")
                .set("gap", "var(--lumo-space-s)").set("width", "100%");
        String corridors = h.corridors().stream().map(c -> RemittanceReceipt.country(c, getLocale())).collect(Collectors.joining(", "));
        String period = h.first() == null ? "" : Formats.date(h.first(), getLocale()) + " – " + Formats.date(h.last(), getLocale());
        figures.add(new FigureCard("member-remittances-count", getTranslation("remit.member-history.receipts"),
                Formats.number(h.receipts(), getLocale()), period));
        figures.add(new FigureCard("member-remittances-received", getTranslation("remit.received"),
                Formats.money(h.work().received(), currency, getLocale()), corridors));
        figures.add(new FigureCard("member-remittances-work", getTranslation("remit.put-to-work"),
                Formats.money(h.work().savings().add(h.work().loanRepayments()), currency, getLocale()),
                getTranslation("remit.member-history.work-note", Formats.decimal(h.work().percent(), getLocale()))));
        return figures;
    }

    private Grid<Remittance> grid(Cooperative cooperative) {
        Grid<Remittance> grid = new Grid<>();
        grid.setId("member-remittances-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(r -> new RemittanceReceiptLink(receipts, r, "#" + r.receiptNumber()))
                .setHeader(getTranslation("remit.receipt")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> Formats.date(r.receivedOn(), getLocale())).setHeader(getTranslation("remit.received-on")).setAutoWidth(true);
        grid.addColumn(r -> RemittanceReceipt.country(r.corridor(), getLocale()) + " · " + getTranslation("remittance.channel." + r.channel().name()))
                .setHeader(getTranslation("remit.corridor")).setFlexGrow(2);
        grid.addColumn(r -> Formats.money(r.sentAmount(), r.sentCurrency(), getLocale())).setHeader(getTranslation("remit.sent"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(r -> Formats.money(r.receivedAmount(), r.receivedCurrency(), getLocale())).setHeader(getTranslation("remit.received"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        for (AllocationKind kind : AllocationKind.values()) {
            grid.addColumn(r -> Formats.money(part(r, kind), r.receivedCurrency(), getLocale()))
                    .setHeader(getTranslation("remittance.kind." + kind.name())).setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                    .setKey("part-" + kind.name());
        }
        RemittanceFilter hers = RemittanceFilter.ofMember(Objects.requireNonNull(member).id());
        grid.setItems(q -> remittances.remittances(cooperative.id(), hers, q.getOffset(),
                Math.min(q.getLimit(), RemittanceService.MAX_PAGE)).stream(), q -> remittances.count(cooperative.id(), hers));
        grid.setHeight("28em");
        return grid;
    }

    private static BigDecimal part(Remittance r, AllocationKind kind) {
        return r.allocations().stream().filter(a -> a.kind() == kind).map(a -> a.amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("remit.member-history.page") + " — Lumbung";
    }
}
