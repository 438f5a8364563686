package org.lumbung.ui.dashboard;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.ChainStatus;
import org.lumbung.ledger.ChainVerifier;
import org.lumbung.reports.DashboardFigures;
import org.lumbung.reports.DashboardService;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MainLayout;
import org.lumbung.ui.components.FigureCard;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.my.MyAccountView;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;

import java.util.Locale;

/** The first screen: the cooperative's real figures, read from the ledger and the member registry. */
@Route(value = "", layout = MainLayout.class)
@PermitAll
public class DashboardView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final boolean member;

    public DashboardView(CurrentCooperative current, DashboardService dashboard, ChainVerifier chain) {
        // members land here after sign-in and are sent on to their own page: the figures are the staff's
        member = current.user().isMember();
        if (member) {
            return;
        }
        Locale locale = getLocale();
        Cooperative c = current.get().orElse(null);
        if (c == null) {
            add(new H2(getTranslation("dashboard.title")), new Paragraph(getTranslation("header.no-cooperative")));
            return;
        }
        DashboardFigures f = dashboard.figures(c.id());
        String cur = f.currency();
        H2 title = new H2(getTranslation("dashboard.title"));
        title.getStyle().set("margin", "0");
        Paragraph place = new Paragraph(String.join(", ", nonNull(c.village(), c.district(), c.province())));
        place.getStyle().set("margin", "0").set("color", "var(--lumo-secondary-text-color)");
        var grid = FigureCard.grid();
        grid.add(
                new FigureCard("figure-members", getTranslation("dashboard.members"), Formats.number(f.activeMembers(), locale),
                        getTranslation("dashboard.members.women", Formats.number(f.women(), locale))),
                new FigureCard("figure-share-capital", getTranslation("dashboard.share-capital"),
                        Formats.money(f.shareCapital(), cur, locale), getTranslation("dashboard.equity")),
                new FigureCard("figure-mandatory", getTranslation("dashboard.mandatory-savings"),
                        Formats.money(f.mandatorySavings(), cur, locale), getTranslation("dashboard.equity")),
                new FigureCard("figure-voluntary", getTranslation("dashboard.voluntary-savings"),
                        Formats.money(f.voluntarySavings(), cur, locale), getTranslation("dashboard.liability")),
                new FigureCard("figure-cash", getTranslation("dashboard.cash-and-bank"),
                        Formats.money(f.cashAndBank(), cur, locale), null),
                new FigureCard("figure-loans", getTranslation("dashboard.loans"),
                        Formats.money(f.loansOutstanding(), cur, locale), null),
                new FigureCard("figure-entries", getTranslation("dashboard.entries"), Formats.number(f.ledgerEntries(), locale),
                        f.lastValueDate() == null ? null
                                : getTranslation("dashboard.entries.last", Formats.date(f.lastValueDate(), locale))),
                new FigureCard("figure-cooperatives", getTranslation("dashboard.cooperatives"),
                        Formats.number(f.cooperatives(), locale), null));
        add(title, place);
        chainWarning(chain.status(c.id())).ifPresent(this::add);
        add(grid);
    }

    /** A broken chain is said first, in red: the figures below may no longer be what was booked. */
    private java.util.Optional<Paragraph> chainWarning(ChainStatus status) {
        if (status.state() != ChainStatus.State.BROKEN) {
            return java.util.Optional.empty();
        }
        Paragraph warning = new Paragraph(status.firstBrokenSequence() == null ? getTranslation("dashboard.chain.broken.unknown")
                : getTranslation("dashboard.chain.broken", Long.toString(status.firstBrokenSequence())));
        warning.setId("chain-broken");
        warning.getElement().setAttribute("role", "alert");
        warning.getStyle().set("color", "var(--lumo-error-contrast-color)").set("background", "var(--lumo-error-color)")
                .set("padding", "var(--lumo-space-m)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("font-weight", "600").set("margin", "0");
        return java.util.Optional.of(warning);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (member) {
            event.forwardTo(MyAccountView.class);
        }
    }

    private static String[] nonNull(String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toArray(String[]::new);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dashboard.title") + " — Lumbung";
    }
}
