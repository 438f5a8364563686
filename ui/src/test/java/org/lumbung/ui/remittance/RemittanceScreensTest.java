package org.lumbung.ui.remittance;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.members.NewMember;
import org.lumbung.remittance.AllocationKind;
import org.lumbung.remittance.Remittance;
import org.lumbung.remittance.RemittanceFilter;
import org.lumbung.remittance.RemittanceService;
import org.lumbung.savings.SavingsKind;
import org.lumbung.savings.SavingsService;
import org.lumbung.ui.KaribuTest;
import org.lumbung.ui.components.AmountField;
import org.lumbung.ui.components.FigureCard;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.ShortcutsKt._fireShortcut;
import static org.assertj.core.api.Assertions.assertThat;

/** The payday form (live conversion and split, Enter saves), the list and the dashboard. */
class RemittanceScreensTest extends KaribuTest {

    @Autowired
    CooperativeService cooperatives;
    @Autowired
    MemberService members;
    @Autowired
    SavingsService savings;
    @Autowired
    RemittanceService remittances;

    @Test
    @SuppressWarnings("unchecked")
    void theFormConvertsAsTypedChecksTheSplitAndEnterSaves() {
        signIn("treasurer", Locale.ENGLISH);
        long coop = cooperatives.byCode("ngrupit").id();
        Member m = members.register(coop, NewMember.basic("Remitansi Satu", "F", "Ngrupit", null, LocalDate.now().minusDays(30)));
        UI.getCurrent().navigate(RemittanceFormView.class);
        TextField member = _get(TextField.class, spec -> spec.withId("remit-member"));
        _setValue(member, Integer.toString(m.memberNumber()));
        assertThat(_get(Span.class, spec -> spec.withId("remit-member-name")).getText()).contains("Remitansi Satu");
        _setValue(_get(Select.class, spec -> spec.withId("remit-corridor")), "MY");
        assertThat(_get(Select.class, spec -> spec.withId("remit-currency")).getValue()).isEqualTo("MYR");
        _setValue(_get(AmountField.class, spec -> spec.withId("remit-sent")), "100.00");
        _setValue(_get(TextField.class, spec -> spec.withId("remit-rate")), "3,550.5");
        assertThat(_get(Span.class, spec -> spec.withId("remit-received")).getText()).isEqualTo("= IDR 355,050.00");
        AmountField toSavings = _get(AmountField.class, spec -> spec.withId("remit-to-savings"));
        _setValue(toSavings, "400,000");
        Span cash = _get(Span.class, spec -> spec.withId("remit-cash"));
        assertThat(cash.getText()).as("more than arrived").isEqualTo("The parts exceed the amount received by IDR 44,950.00");
        _setValue(toSavings, "300,000");
        assertThat(cash.getText()).isEqualTo("Cash paid out: IDR 55,050.00");

        _fireShortcut(_get(Div.class, spec -> spec.withId("remit-form")), Key.ENTER);

        assertThat(member.getValue()).as("ready for the next in the queue").isEmpty();
        List<Remittance> mine = remittances.remittances(coop, RemittanceFilter.ofMember(m.id()), 0, 10);
        assertThat(mine).singleElement().satisfies(r -> {
            assertThat(r.receivedAmount()).isEqualByComparingTo("355050.00");
            assertThat(r.allocations()).extracting(a -> a.kind()).containsExactly(AllocationKind.SAVINGS, AllocationKind.CASH);
        });
        assertThat(savings.accounts(coop, m.id()).stream().filter(a -> a.kind() == SavingsKind.VOLUNTARY).findFirst().orElseThrow()
                .balance()).isEqualByComparingTo("300000");
        assertThat(_get(Div.class, spec -> spec.withId("remit-last")).getElement().getTextRecursively())
                .contains("#" + mine.get(0).receiptNumber());

        UI.getCurrent().navigate(RemittanceListView.class);
        assertThat(_size(_get(Grid.class, spec -> spec.withId("remittances-grid")))).isGreaterThanOrEqualTo(1);
        UI.getCurrent().navigate(RemittanceDashboardView.class);
        assertThat(_get(Grid.class, spec -> spec.withId("remit-costs"))).isNotNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMemberPageLeadsToHerRemittanceHistoryAndTheDistrictAuditorSeesHerDistrict() {
        signIn("treasurer", Locale.ENGLISH);
        long coop = cooperatives.byCode("ngrupit").id();
        Remittance any = remittances.remittances(coop, RemittanceFilter.all(), 0, 1).get(0);
        UI.getCurrent().navigate("members/" + any.memberId());
        assertThat(_get(Anchor.class, spec -> spec.withId("member-remittances")).getHref())
                .isEqualTo("remittances/member/" + any.memberId());
        UI.getCurrent().navigate("remittances/member/" + any.memberId());
        assertThat(_size(_get(Grid.class, spec -> spec.withId("member-remittances-grid"))))
                .isEqualTo(remittances.count(coop, RemittanceFilter.ofMember(any.memberId())));
        assertThat(_get(FigureCard.class, spec -> spec.withId("member-remittances-count")).getElement().getTextRecursively())
                .contains(Integer.toString(remittances.count(coop, RemittanceFilter.ofMember(any.memberId()))));

        signIn("auditor", Locale.ENGLISH);
        UI.getCurrent().navigate(DistrictRemittancesView.class);
        assertThat(_get(Select.class, spec -> spec.withId("district-remittances-district")).getValue()).isEqualTo("Kabupaten Ponorogo");
        Grid<org.lumbung.remittance.DistrictRemittances.Line> district = _get(Grid.class, spec -> spec.withId("district-remittances-grid"));
        assertThat(district.getListDataView().getItems().filter(l -> l.code().equals("ngrupit")).findFirst().orElseThrow().receipts())
                .isPositive();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRinggitSaversMemberPageShowsHerRinggitAndTheirValueAtTodaysRate() {
        signIn("treasurer", Locale.ENGLISH);
        long coop = cooperatives.byCode("ngrupit").id();
        org.lumbung.savings.SavingsAccount ringgit = members.page(coop, org.lumbung.members.MemberFilter.ALL, 0, 200).stream()
                .flatMap(m -> savings.accounts(coop, m.id()).stream()).filter(a -> a.currency().equals("MYR")).findFirst().orElseThrow();
        UI.getCurrent().navigate("members/" + ringgit.memberId());
        Grid<org.lumbung.savings.SavingsAccount> accounts = _get(Grid.class, spec -> spec.withId("accounts-grid"));
        org.lumbung.savings.ValueAtRate value = savings.valueToday(coop, ringgit).orElseThrow();
        assertThat(accounts.getColumnByKey("value-today")).isNotNull();
        int row = accounts.getListDataView().getItems().map(org.lumbung.savings.SavingsAccount::id).toList().indexOf(ringgit.id());
        assertThat(String.join(" | ", com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(accounts, row)))
                .contains(org.lumbung.ui.i18n.Formats.money(value.value(), "IDR", Locale.ENGLISH))
                .contains(org.lumbung.ui.i18n.Formats.date(value.rateDate(), Locale.ENGLISH));
    }
}
