package org.lumbung.ui.members;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import org.lumbung.members.Member;
import org.lumbung.members.MemberAbility;
import org.lumbung.members.MemberFilter;
import org.lumbung.members.MemberService;
import org.lumbung.members.MemberStatus;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.GridExport;
import org.lumbung.ui.components.SearchField;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.time.Clock;
import java.util.List;

/**
 * The member registry, loaded page by page: a search that tolerates spelling variants (name, member
 * number, NIK, phone), filters by status, village, gender and returned migrants; a row opens the member.
 */
@Route("members")
@RequiresAbility("READ_MEMBERS")
@Menu(title = "nav.members", order = 100, icon = "vaadin:users")
@MenuGroup("nav.group.members")
public class MembersView extends VerticalLayout implements HasDynamicTitle {

    static final String ANY = "";
    static final String YES = "yes";
    static final String NO = "no";

    private final Grid<Member> grid = new Grid<>();
    private final SearchField search;
    private final Select<MemberStatus> status = new Select<>();
    private final ComboBox<String> village = new ComboBox<>();
    private final Select<String> gender = new Select<>();
    private final Select<String> returned = new Select<>();

    public MembersView(CurrentCooperative current, MemberService members, UiAudit audit, Clock clock) {
        setSizeFull();
        long cooperativeId = current.require().id();
        search = new SearchField("member-search", getTranslation("members.search"), this::refresh);
        search.setWidth("min(20em, 100%)");
        describeFilters(members.villages(cooperativeId));

        grid.setId("members-grid");
        grid.setEmptyStateText(getTranslation("grid.empty"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        GridExport.column(grid, Member::displayNumber).setHeader(getTranslation("members.number")).setAutoWidth(true).setFlexGrow(0);
        GridExport.column(grid, Member::fullName).setHeader(getTranslation("members.name")).setFlexGrow(2);
        GridExport.column(grid, m -> getTranslation("gender." + m.gender())).setHeader(getTranslation("members.gender")).setAutoWidth(true);
        GridExport.column(grid, m -> m.village() == null ? "" : m.village()).setHeader(getTranslation("members.village"));
        GridExport.column(grid, m -> m.phone() == null ? "" : m.phone()).setHeader(getTranslation("members.phone"));
        GridExport.column(grid, m -> getTranslation("member.status." + m.status())).setHeader(getTranslation("members.status"));
        GridExport.column(grid, m -> Formats.date(m.joinedOn(), getLocale())).setHeader(getTranslation("members.joined"));
        grid.setItems(query -> members.page(cooperativeId, filter(), query.getOffset(),
                        Math.min(query.getLimit(), MemberService.MAX_PAGE)).stream(),
                query -> members.count(cooperativeId, filter()));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(MemberView.class,
                new RouteParameters(MemberView.PARAMETER, Long.toString(e.getItem().id())))));

        FlexLayout filters = new FlexLayout(search, status, village, gender, returned);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-s)");
        filters.setWidthFull();

        FlexLayout head = new FlexLayout(new H2(getTranslation("nav.members")));
        head.setWidthFull();
        head.setAlignItems(FlexComponent.Alignment.CENTER);
        head.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        head.getStyle().set("gap", "var(--lumo-space-s)");
        if (current.may(MemberAbility.REGISTER_MEMBERS)) {
            Button register = new Button(getTranslation("members.new"), VaadinIcon.PLUS.create(),
                    e -> new MemberDialog(members, audit, cooperativeId, current.require().today(clock), null, saved -> {
                        refresh();
                        village.setItems(members.villages(cooperativeId));
                    }).open());
            register.setId("new-member");
            register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button importFile = new Button(getTranslation("members.import"), VaadinIcon.UPLOAD.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(ImportView.class)));
            importFile.setId("import-members");
            head.add(register, importFile);
            head.setFlexGrow(1, head.getComponentAt(0));
        }
        add(head, filters, new GridExport<>(grid, "members"), grid);
        setFlexGrow(1, grid);
    }

    private void describeFilters(List<String> villages) {
        status.setId("filter-status");
        status.setLabel(getTranslation("members.status"));
        status.setItems(MemberStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("filter.any"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("filter.any") : getTranslation("member.status." + s));
        status.addValueChangeListener(e -> refresh());

        village.setId("filter-village");
        village.setLabel(getTranslation("members.village"));
        village.setItems(villages);
        village.setClearButtonVisible(true);
        village.setPlaceholder(getTranslation("filter.any"));
        village.addValueChangeListener(e -> refresh());

        gender.setId("filter-gender");
        gender.setLabel(getTranslation("members.gender"));
        gender.setItems(ANY, "F", "M");
        gender.setValue(ANY);
        gender.setItemLabelGenerator(g -> ANY.equals(g) ? getTranslation("filter.any") : getTranslation("gender." + g));
        gender.addValueChangeListener(e -> refresh());

        returned.setId("filter-returned");
        returned.setLabel(getTranslation("members.returned-migrant"));
        returned.setItems(ANY, YES, NO);
        returned.setValue(ANY);
        returned.setItemLabelGenerator(v -> getTranslation("filter." + (ANY.equals(v) ? "any" : v)));
        returned.addValueChangeListener(e -> refresh());
    }

    private MemberFilter filter() {
        String text = search.getValue() == null || search.getValue().isBlank() ? null : search.getValue().strip();
        String g = ANY.equals(gender.getValue()) ? null : gender.getValue();
        Boolean r = YES.equals(returned.getValue()) ? Boolean.TRUE : NO.equals(returned.getValue()) ? Boolean.FALSE : null;
        return new MemberFilter(text, status.getValue(), village.getValue(), g, r);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.members") + " — Lumbung";
    }
}
