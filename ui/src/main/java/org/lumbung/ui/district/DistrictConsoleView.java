package org.lumbung.ui.district;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import org.jspecify.annotations.Nullable;
import org.lumbung.auditpack.AuditPackAbility;
import org.lumbung.auditpack.PackImports;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.district.ChainState;
import org.lumbung.district.DistrictConsole;
import org.lumbung.district.DistrictRow;
import org.lumbung.district.RedFlag;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.StartPage;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.AbilityAccessChecker;
import org.lumbung.ui.security.RequiresAbility;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The district auditor's home: every cooperative of her district in one sortable table — last posting, the hash
 * chain as last verified and the checkpoint of the latest closed month, members (women, returned migrants), savings,
 * loans outstanding, PAR30, remittances put to work this year, red flags — and from each row its statements, trial
 * balance, chain verification and audit pack.
 */
@Route("district")
@RequiresAbility("READ_DISTRICT")
@Menu(title = "nav.district", order = 560, icon = "vaadin:institution")
@MenuGroup("nav.group.reports")
@StartPage
public class DistrictConsoleView extends VerticalLayout implements HasDynamicTitle {

    /** Where a row leads, after choosing its cooperative: the route and the button's text key. */
    static final List<String[]> DRILL_DOWNS = List.of(new String[] {"reports/statements", "nav.statements"},
            new String[] {"reports/trial-balance", "nav.trial-balance"}, new String[] {"reports/verification", "nav.verification"},
            new String[] {"reports/audit-pack", "nav.audit-pack"});

    private final CurrentCooperative current;
    private final CooperativeService cooperatives;
    private final Grid<DistrictRow> grid = new Grid<>();
    private final AbilityAccessChecker screens;

    public DistrictConsoleView(DistrictConsole console, CurrentCooperative current, CooperativeService cooperatives,
                               PackImports imports, AbilityAccessChecker screens) {
        this.current = current;
        this.cooperatives = cooperatives;
        this.screens = screens;
        setSizeFull();
        grid.setId("district-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        columns(console.flagsTitleKey());
        List<DistrictRow> rows = console.rows();
        grid.setItems(rows);
        grid.addItemClickListener(e -> grid.select(e.getItem()));
        add(new H2(getTranslation("nav.district")), new Paragraph(getTranslation("district.intro", rows.size())),
                drillDowns(), grid);
        setFlexGrow(1, grid);
        if (current.may(AuditPackAbility.IMPORT_AUDIT_PACK)) {
            add(new PackImportPanel(imports, current.choices(), () -> grid.setItems(console.rows())));
        }
    }

    private void columns(String flagsTitleKey) {
        Grid.Column<DistrictRow> name = grid.addColumn(r -> r.name() + " (" + r.code() + ")").setKey("name")
                .setHeader(getTranslation("district.cooperative")).setComparator(DistrictRow::name).setAutoWidth(true).setFrozen(true);
        grid.addColumn(r -> r.lastPosting() == null ? "–" : Formats.date(r.lastPosting(), getLocale())).setKey("last-posting")
                .setHeader(getTranslation("district.last-posting"))
                .setComparator(Comparator.comparing(DistrictRow::lastPosting, Comparator.nullsFirst(Comparator.naturalOrder())));
        grid.addComponentColumn(this::chain).setKey("chain").setHeader(getTranslation("district.chain"))
                .setComparator(r -> r.chain().state().ordinal()).setAutoWidth(true);
        grid.addColumn(r -> r.lastCheckpoint() == null ? "–" : Formats.month(YearMonth.from(r.lastCheckpoint().month()), getLocale())
                        + " · " + r.lastCheckpoint().sequence() + ":" + r.lastCheckpoint().fingerprint().substring(0, 12) + "…")
                .setKey("checkpoint").setHeader(getTranslation("district.checkpoint")).setAutoWidth(true)
                .setTooltipGenerator(r -> r.lastCheckpoint() == null ? "" : r.lastCheckpoint().text());
        number("members", "district.members", r -> getTranslation("district.members.value", r.members(), r.women(), r.returnedMigrants()),
                Comparator.comparingInt(DistrictRow::members));
        number("savings", "district.savings", r -> Formats.money(r.savings(), r.currency(), getLocale()),
                Comparator.comparing(DistrictRow::savings));
        number("loans", "district.loans", r -> Formats.money(r.loansOutstanding(), r.currency(), getLocale()),
                Comparator.comparing(DistrictRow::loansOutstanding));
        number("par30", "district.par30", r -> percent(r.par30Percent()), byPercent(DistrictRow::par30Percent));
        number("put-to-work", "district.put-to-work", r -> percent(r.putToWorkPercent()), byPercent(DistrictRow::putToWorkPercent));
        grid.addComponentColumn(this::flags).setKey("flags").setHeader(getTranslation(flagsTitleKey))
                .setComparator(r -> r.flags().size()).setAutoWidth(true);
        grid.sort(List.of(new GridSortOrder<>(name, SortDirection.ASCENDING)));
    }

    private void number(String key, String headerKey, ValueProvider<DistrictRow, String> text,
                        Comparator<DistrictRow> order) {
        grid.addColumn(text).setKey(key).setHeader(getTranslation(headerKey)).setTextAlign(ColumnTextAlign.END)
                .setComparator(order).setAutoWidth(true);
    }

    private static Comparator<DistrictRow> byPercent(Function<DistrictRow, BigDecimal> percent) {
        return Comparator.comparing(percent, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    private String percent(@Nullable BigDecimal value) {
        return value == null ? "–" : Formats.percent(value, getLocale());
    }

    private Component chain(DistrictRow r) {
        ChainState c = r.chain();
        String text = switch (c.state()) {
            case VERIFIED -> getTranslation("district.chain.verified", c.head(), when(c));
            case VERIFIED_EARLIER -> getTranslation("district.chain.verified-earlier", c.entriesChecked(), when(c), c.newEntries());
            case BROKEN -> c.firstBroken() == null ? getTranslation("district.chain.broken-balances", when(c))
                    : getTranslation("district.chain.broken", c.firstBroken(), when(c));
            case IMPORTED -> getTranslation("district.chain.imported", c.head(), when(c));
            case NEVER_CHECKED -> getTranslation("district.chain.never");
        };
        Span span = new Span(text);
        span.getElement().getThemeList().add(c.state() == ChainState.State.BROKEN ? "badge error"
                : c.state() == ChainState.State.VERIFIED || c.state() == ChainState.State.IMPORTED ? "badge success" : "badge contrast");
        return span;
    }

    private String when(ChainState c) {
        return Formats.dateTime(c.checkedAt(), ZoneId.of("Asia/Jakarta"), getLocale());
    }

    private Component flags(DistrictRow r) {
        String text = r.flags().stream().map(this::flag).collect(Collectors.joining("; "));
        Span span = new Span(text.isEmpty() ? "–" : text);
        if (!text.isEmpty()) {
            span.getElement().getThemeList().add("badge error");
        }
        return span;
    }

    private String flag(RedFlag f) {
        return getTranslation(f.messageKey(), f.arguments().toArray());
    }

    /** The screens of the chosen row's cooperative: click a row, then one of these. */
    private Component drillDowns() {
        HorizontalLayout links = new HorizontalLayout(new Span(getTranslation("district.open")));
        links.setAlignItems(Alignment.BASELINE);
        for (String[] target : DRILL_DOWNS.stream().filter(this::mayOpen).toList()) {
            Button open = new Button(getTranslation(target[1]), e -> grid.getSelectedItems().stream().findFirst()
                    .ifPresent(r -> open(r, target[0])));
            open.addThemeVariants(ButtonVariant.LUMO_SMALL);
            open.setId("district-open-" + target[0].substring(target[0].indexOf('/') + 1));
            open.setEnabled(false);
            grid.addSelectionListener(e -> open.setEnabled(e.getFirstSelectedItem().isPresent()));
            links.add(open);
        }
        return links;
    }

    /** Works on that cooperative from now on (as the header's choice does) and opens the screen, the header refreshed. */
    /** A federation reads the statements but makes no audit pack: it is offered only the screens its role opens. */
    private boolean mayOpen(String[] target) {
        return RouteConfiguration.forApplicationScope().getRoute(target[0])
                .map(screen -> screens.allows(current.user().role(), screen)).orElse(false);
    }

    private void open(DistrictRow r, String route) {
        current.choose(cooperatives.byId(r.cooperativeId()));
        getUI().ifPresent(ui -> {
            ui.navigate(route);
            ui.getPage().reload();
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.district") + " — Lumbung";
    }
}
