package org.lumbung.ui.ledger;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.Approval;
import org.lumbung.ledger.ApprovalDetail;
import org.lumbung.ledger.Approvals;
import org.lumbung.platform.DomainException;
import org.lumbung.security.UserService;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.Confirmation;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.components.PersonNames;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.util.Objects;

/**
 * Maker-checker: requests waiting for a second person (who asked, when, why), approved or rejected by a
 * chair or administrator who did not ask; then the latest decided ones.
 */
@Route("ledger/approvals")
@RequiresAbility("READ_LEDGER")
@Menu(title = "nav.approvals", order = 340, icon = "vaadin:check-square-o")
@MenuGroup("nav.group.ledger")
public class ApprovalsView extends VerticalLayout implements HasDynamicTitle {

    private final Grid<Approval> grid = new Grid<>();
    private final LedgerAccess access;
    private final Approvals approvals;
    private final UiAudit audit;
    /** Who asked and who decided, by their names as people know them, not their sign-ins. */
    private final PersonNames people;

    public ApprovalsView(LedgerAccess access, Approvals approvals, UiAudit audit, UserService users) {
        this.access = access;
        this.people = new PersonNames(users);
        this.approvals = approvals;
        this.audit = audit;
        Cooperative c = access.cooperative();
        grid.setId("approvals-grid");
        grid.setEmptyStateText(getTranslation("grid.empty"));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(a -> getTranslation("approvals.kind." + a.kind().name(),
                a.kind() == Approval.Kind.REVERSAL ? a.entryId() : a.month())).setHeader(getTranslation("approvals.what")).setAutoWidth(true);
        grid.addColumn(Approval::reason).setHeader(getTranslation("periods.reason")).setFlexGrow(2);
        grid.addColumn(a -> people.of(a.requestedBy()) + " · " + Formats.dateTime(a.requestedAt(), c.zone(), getLocale()))
                .setHeader(getTranslation("approvals.requested")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation("approvals.status." + a.status().name())
                + (a.decidedBy() == null ? "" : " · " + people.of(a.decidedBy())) + (a.outcome() == null ? "" : " · " + a.outcome()))
                .setHeader(getTranslation("approvals.status")).setAutoWidth(true);
        grid.addComponentColumn(this::decision).setKey("decision").setAutoWidth(true);
        add(new H2(getTranslation("nav.approvals")), new Paragraph(getTranslation("approvals.intro")), grid);
        refresh();
    }

    private Component decision(Approval a) {
        boolean mayDecide = a.status() == Approval.Status.PENDING && access.canDecide()
                && !a.requestedBy().equals(access.currentUsername());
        Button show = new Button(getTranslation("approvals.show"), e -> show(a));
        show.setId("show-" + a.id());
        show.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        if (!mayDecide) {
            return show;
        }
        Button approve = new Button(getTranslation("approvals.approve"), e -> confirm(a, true));
        approve.setId("approve-" + a.id());
        approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        Button reject = new Button(getTranslation("approvals.reject"), e -> confirm(a, false));
        reject.setId("reject-" + a.id());
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(show, approve, reject);
    }

    /** The request in full, for whoever may read the ledger. */
    private void show(Approval a) {
        ApprovalDetail d = approvals.detail(access.cooperative().id(), a.id());
        Dialog dialog = new Dialog(new ApprovalSummary(d, access.cooperative().zone(), getLocale(), people));
        dialog.setId("approval-dialog");
        dialog.setHeaderTitle(subject(d));
        dialog.setWidth("min(56em, 96vw)");
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    /** Approving or rejecting is asked once more, with the whole request and what the decision will do. */
    private void confirm(Approval a, boolean approve) {
        ApprovalDetail d = approvals.detail(access.cooperative().id(), a.id());
        String what = approve ? outcome(d) : getTranslation("approvals.confirm.reject", subject(d));
        VerticalLayout body = new VerticalLayout(new ApprovalSummary(d, access.cooperative().zone(), getLocale(), people),
                new Paragraph(what));
        body.setPadding(false);
        Confirmation c = Confirmation.ask(getTranslation(approve ? "approvals.confirm.approve.title" : "approvals.confirm.reject.title",
                        subject(d)), body,
                approve ? getTranslation("approvals.confirm.approve.button", subject(d)) : getTranslation("approvals.confirm.reject.button"),
                getTranslation("action.cancel"), () -> decide(a, approve));
        c.setId("approval-dialog");
        c.setWidth("min(56em, 96vw)");
        if (!approve) {
            c.dangerous();
        }
    }

    /** "Reverse entry #5222" or "Reopen November 2026". */
    private String subject(ApprovalDetail d) {
        return d.entry() != null ? getTranslation("approvals.subject.REVERSAL", "#" + d.entry().sequence())
                : getTranslation("approvals.subject.PERIOD_REOPEN",
                        ApprovalSummary.month(Objects.requireNonNull(d.period()).month(), getLocale()));
    }

    private String outcome(ApprovalDetail d) {
        return d.entry() != null
                ? getTranslation("approvals.confirm.approve.REVERSAL", ApprovalSummary.total(d.entry(), getLocale()),
                        "#" + d.entry().sequence())
                : getTranslation("approvals.confirm.approve.PERIOD_REOPEN",
                        ApprovalSummary.month(Objects.requireNonNull(d.period()).month(), getLocale()),
                        d.period().entriesSince());
    }

    private void decide(Approval a, boolean approve) {
        long cooperativeId = access.cooperative().id();
        try {
            access.periodCloser();
            Approval decided = approve ? approvals.approve(cooperativeId, a.id()) : approvals.reject(cooperativeId, a.id(), null);
            audit.done(cooperativeId, approve ? "APPROVE" : "REJECT", a.kind() + " " + a.id()
                    + (decided.outcome() == null ? "" : ": " + decided.outcome()));
            Notifications.success(getTranslation("approvals.status." + decided.status().name()));
        } catch (DomainException e) {
            audit.refused(cooperativeId, approve ? "APPROVE" : "REJECT", a.kind() + " " + a.id() + ": " + e.messageKey());
            Notifications.refused(e);
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(approvals.list(access.cooperative().id()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.approvals") + " — Lumbung";
    }
}
