package org.lumbung.ui.members;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MainLayout;
import org.lumbung.ui.components.SearchField;
import org.lumbung.ui.i18n.Formats;

/** The member registry, lazily loaded page by page, searchable by name. */
@Route(value = "members", layout = MainLayout.class)
@PermitAll
public class MembersView extends VerticalLayout implements HasDynamicTitle {

    public MembersView(CurrentCooperative current, MemberService members) {
        setSizeFull();
        long cooperativeId = current.require().id();
        Grid<Member> grid = new Grid<>();
        SearchField search = new SearchField("member-search", getTranslation("members.search"), () -> grid.getDataProvider().refreshAll());
        grid.setId("members-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(Member::memberNumber).setHeader(getTranslation("members.number")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Member::fullName).setHeader(getTranslation("members.name")).setFlexGrow(2);
        grid.addColumn(m -> getTranslation("gender." + m.gender())).setHeader(getTranslation("members.gender")).setAutoWidth(true);
        grid.addColumn(Member::village).setHeader(getTranslation("members.village"));
        grid.addColumn(Member::phone).setHeader(getTranslation("members.phone"));
        grid.addColumn(m -> Formats.date(m.joinedOn(), getLocale())).setHeader(getTranslation("members.joined"));
        grid.addColumn(m -> getTranslation("member.status." + m.status())).setHeader(getTranslation("members.status"));
        grid.setItems(query -> members.page(cooperativeId, search.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> members.count(cooperativeId, search.getValue()));
        add(new H2(getTranslation("nav.members")), search, grid);
        setFlexGrow(1, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.members") + " — Lumbung";
    }
}
