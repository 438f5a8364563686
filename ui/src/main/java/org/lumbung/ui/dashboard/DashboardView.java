package org.lumbung.ui.dashboard;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.ChainStatus;
import org.lumbung.ledger.ChainVerifier;
import org.lumbung.reports.DashboardFigure;
import org.lumbung.reports.DashboardService;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.components.FigureCard;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The first screen: what the treasurer acts on today (cash in and out, members behind on dues, approvals
 * waiting, the last backup), then where the cooperative stands — the cards of every feature's
 * {@link org.lumbung.reports.DashboardFigureContributor}, so a feature adds its own without editing this screen.
 */
@Route("")
@RequiresAbility("READ_DASHBOARD")
@Menu(title = "nav.dashboard", order = 0, icon = "vaadin:dashboard")
public class DashboardView extends VerticalLayout implements HasDynamicTitle {

    /** Cards ordered from here on are balances; before, what happened today and what waits. */
    private static final int STANDING = 300;

    public DashboardView(CurrentCooperative current, DashboardService dashboard, ChainVerifier chain) {
        Locale locale = getLocale();
        Cooperative c = current.get().orElse(null);
        if (c == null) {
            add(new H2(getTranslation("dashboard.title")), new Paragraph(getTranslation("header.no-cooperative")));
            return;
        }
        List<DashboardFigure> figures = dashboard.figures(c.id());
        H2 title = new H2(getTranslation("dashboard.title"));
        title.getStyle().set("margin", "0");
        Paragraph place = new Paragraph(String.join(", ", nonNull(c.village(), c.district(), c.province())));
        place.getStyle().set("margin", "0").set("color", "var(--lumo-secondary-text-color)");
        add(title, place);
        chainWarning(chain.status(c.id())).ifPresent(this::add);
        section("dashboard.today", figures.stream().filter(f -> f.order() < STANDING).toList(), locale);
        section("dashboard.standing", figures.stream().filter(f -> f.order() >= STANDING).toList(), locale);
    }

    /** A heading and its cards; a card that links to where the treasurer acts on it is a link. */
    private void section(String headingKey, List<DashboardFigure> figures, Locale locale) {
        if (figures.isEmpty()) {
            return;
        }
        H3 heading = new H3(getTranslation(headingKey));
        heading.getStyle().set("margin", "var(--lumo-space-s) 0 0 0");
        var grid = FigureCard.grid();
        for (DashboardFigure f : figures) {
            String note = f.noteKey() == null ? null
                    : getTranslation(f.noteKey(), f.noteValues().stream().map(v -> format(v, locale)).toArray());
            FigureCard card = new FigureCard(f.id(), getTranslation(f.titleKey()), format(f.value(), locale), note);
            if (f.link() == null) {
                grid.add(card);
            } else {
                Anchor link = new Anchor(f.link(), card);
                link.getElement().setAttribute("router-link", true);
                link.getStyle().set("color", "inherit").set("text-decoration", "none");
                grid.add(link);
            }
        }
        add(heading, grid);
    }

    private String format(DashboardFigure.Value v, Locale locale) {
        return switch (v.kind()) {
            case MONEY -> Formats.money(Objects.requireNonNull(v.number()), Objects.requireNonNull(v.currency()), locale);
            case COUNT -> Formats.number(Objects.requireNonNull(v.number()).longValueExact(), locale);
            case PERCENT -> Formats.percent(Objects.requireNonNull(v.number()), locale);
            case DATE -> Formats.date(v.date(), locale);
            case TEXT -> getTranslation(v.textKey());
            case PLAIN -> Objects.requireNonNull(v.textKey());
        };
    }

    /** A broken chain is said first, in red: the figures below may no longer be what was booked. */
    private Optional<Paragraph> chainWarning(ChainStatus status) {
        if (status.state() != ChainStatus.State.BROKEN) {
            return Optional.empty();
        }
        Paragraph warning = new Paragraph(status.firstBrokenSequence() == null ? getTranslation("dashboard.chain.broken.unknown")
                : getTranslation("dashboard.chain.broken", Long.toString(status.firstBrokenSequence())));
        warning.setId("chain-broken");
        warning.getElement().setAttribute("role", "alert");
        warning.getStyle().set("color", "var(--lumo-error-contrast-color)").set("background", "var(--lumo-error-color)")
                .set("padding", "var(--lumo-space-m)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("font-weight", "600").set("margin", "0");
        return Optional.of(warning);
    }

    private static String[] nonNull(@Nullable String... parts) {
        return Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toArray(String[]::new);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dashboard.title") + " — Lumbung";
    }
}
