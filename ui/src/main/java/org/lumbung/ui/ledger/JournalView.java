package org.lumbung.ui.ledger;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.Approvals;
import org.lumbung.ledger.EntryDescriptions;
import org.lumbung.ledger.JournalFilter;
import org.lumbung.ledger.JournalRow;
import org.lumbung.ledger.LedgerQueries;
import org.lumbung.ledger.LedgerService;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.security.UserService;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.DateRange;
import org.lumbung.ui.components.GridExport;
import org.lumbung.ui.components.PersonNames;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The journal, newest first, lazily loaded, filtered by dates, account, source and text. */
@Route("ledger/journal")
@RequiresAbility("READ_LEDGER")
@Menu(title = "nav.journal", order = 300, icon = "vaadin:book")
@MenuGroup("nav.group.ledger")
public class JournalView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private static final String SOURCE_KEY = "journal.source.";

    private final DateRange days;
    private final TextField account = new TextField();
    private final Select<String> source = new Select<>();
    private final TextField text = new TextField();

    /**
     * The sources Lumbung's features post with: each names its own in its bundle ({@code journal.source.LOANS}); an
     * integration's own source is shown as it is.
     */
    static final List<String> SOURCES = Messages.keysStartingWith(SOURCE_KEY).stream().map(k -> k.substring(SOURCE_KEY.length()))
            .filter(s -> !s.equals("all")).toList();

    public JournalView(LedgerAccess access, LedgerQueries queries, LedgerService ledger, Approvals approvals, UiAudit audit,
                       UserService users) {
        setSizeFull();
        PersonNames people = new PersonNames(users);
        Cooperative c = access.cooperative();
        days = DateRange.open("journal", getTranslation("journal.from"), getTranslation("journal.to"), null, null);
        account.setLabel(getTranslation("journal.account"));
        account.setMaxLength(32);
        account.setValueChangeMode(ValueChangeMode.LAZY);
        source.setLabel(getTranslation("journal.source"));
        source.setId("journal-source");
        List<String> sources = new ArrayList<>(List.of(""));
        sources.addAll(SOURCES.stream().sorted(Comparator.comparing(JournalView::sourceLabel)).toList()); // as the reader reads them
        source.setItems(sources);
        source.setItemLabelGenerator(s -> s.isEmpty() ? getTranslation("journal.source.all") : sourceLabel(s));
        source.setValue("");
        text.setLabel(getTranslation("journal.text"));
        text.setId("journal-text");
        text.setMaxLength(100);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setPrefixComponent(VaadinIcon.SEARCH.create());

        Grid<JournalRow> grid = new Grid<>();
        grid.setId("journal-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText(getTranslation("grid.empty"));
        GridExport.column(grid, JournalRow::sequence).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        GridExport.column(grid, r -> Formats.date(r.valueDate(), getLocale())).setHeader(getTranslation("journal.value-date")).setAutoWidth(true);
        GridExport.column(grid, r -> EntryDescriptions.readable(r.description(), getLocale())).setHeader(getTranslation("journal.description")).setFlexGrow(3);
        GridExport.column(grid, r -> r.debitTotal() == null ? r.currencies() : Formats.money(r.debitTotal(), r.currencies(), getLocale()))
                .setHeader(getTranslation("journal.amount")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        GridExport.column(grid, r -> sourceLabel(r.sourceType())).setHeader(getTranslation("journal.source")).setAutoWidth(true);
        GridExport.column(grid, r -> r.reversesEntryId() != null ? getTranslation("journal.is-reversal")
                : r.reversed() ? getTranslation("journal.reversed") : "").setHeader(getTranslation("journal.status")).setAutoWidth(true);
        GridExport.column(grid, r -> people.of(r.createdBy())).setHeader(getTranslation("journal.created-by")).setAutoWidth(true);
        grid.setItems(q -> queries.journalPage(c.id(), filter(), q.getOffset(), q.getLimit()).stream(),
                q -> queries.journalCount(c.id(), filter()));
        grid.addItemClickListener(e -> new EntryDialog(access, ledger, approvals, audit, people, e.getItem().id(),
                () -> grid.getDataProvider().refreshAll()).open());

        days.onChange(chosen -> grid.getDataProvider().refreshAll());
        account.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        source.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        text.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        FlexLayout filters = new FlexLayout(days, account, source, text);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-s)");
        Button clear = new Button(getTranslation("journal.clear"), e -> {
            days.from().clear();
            days.to().clear();
            account.clear();
            source.setValue("");
            text.clear();
        });
        filters.add(clear);
        add(new H2(getTranslation("nav.journal")), filters, new GridExport<>(grid, "journal"), grid);
        setFlexGrow(1, grid);
    }

    /** A source in the reader's language; one no bundle knows (an integration's own) as it is. */
    static String sourceLabel(String sourceType) {
        String label = Messages.find(SOURCE_KEY + sourceType, UI.getCurrent().getLocale());
        return label == null ? sourceType : label;
    }

    /**
     * A statement's drill-down opens the journal on one account and period:
     * {@code ledger/journal?account=1100&from=2025-01-01&to=2025-12-31}; a value that does not parse is ignored.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        first(query, "account").filter(a -> a.matches("[0-9A-Za-z][0-9A-Za-z.-]{0,31}")).ifPresent(account::setValue);
        first(query, "from").flatMap(JournalView::date).ifPresent(days.from()::setValue);
        first(query, "to").flatMap(JournalView::date).ifPresent(days.to()::setValue);
    }

    private static Optional<String> first(Map<String, List<String>> query, String name) {
        return query.getOrDefault(name, List.of()).stream().findFirst();
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private JournalFilter filter() {
        return new JournalFilter(days.from().getValue(), days.to().getValue(), account.getValue(), source.getValue(), text.getValue());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.journal") + " — Lumbung";
    }
}
