package org.lumbung.ui.savings;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.Account;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.members.NewMember;
import org.lumbung.savings.DuesArrears;
import org.lumbung.savings.SavingsKind;
import org.lumbung.savings.SavingsProduct;
import org.lumbung.savings.SavingsProducts;
import org.lumbung.savings.SavingsService;
import org.lumbung.ui.KaribuTest;
import org.lumbung.ui.components.AmountField;
import org.lumbung.ui.i18n.Formats;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.ShortcutsKt._fireShortcut;
import static org.assertj.core.api.Assertions.assertThat;

class SavingsViewsTest extends KaribuTest {

    @Autowired
    CooperativeService cooperatives;
    @Autowired
    MemberService members;
    @Autowired
    SavingsService savings;
    @Autowired
    SavingsProducts products;

    @Test
    @SuppressWarnings("unchecked")
    void threeEnterSavesInThePassbookAddUp() {
        signIn("treasurer");
        long coop = cooperatives.byCode("ngrupit").id();
        LocalDate joined = LocalDate.now().minusDays(10);
        Member a = members.register(coop, NewMember.basic("Passbook Satu", "F", "Ngrupit", null, joined));
        Member b = members.register(coop, NewMember.basic("Passbook Dua", "M", "Ngrupit", null, joined));
        UI.getCurrent().navigate(PassbookEntryView.class);
        Select<SavingsProduct> product = _get(Select.class, spec -> spec.withId("passbook-product"));
        assertThat(product.getValue().kind()).isEqualTo(SavingsKind.MANDATORY);
        TextField number = _get(TextField.class, spec -> spec.withId("passbook-member"));
        AmountField amount = _get(AmountField.class, spec -> spec.withId("passbook-amount"));
        FlexLayout form = _get(FlexLayout.class, spec -> spec.withId("passbook-form"));

        _setValue(number, Integer.toString(a.memberNumber()));
        assertThat(_get(Span.class, spec -> spec.withId("passbook-member-name")).getText()).startsWith("Passbook Satu");
        _setValue(amount, "25000");
        assertThat(amount.getValue()).as("kept as typed").isEqualTo("25000");
        assertThat(amount.getHelperText()).isEqualTo("Will be booked as IDR 25,000.00");
        _fireShortcut(form, Key.ENTER);
        assertThat(number.getValue()).as("ready for the next line").isEmpty();

        _setValue(number, Integer.toString(b.memberNumber()));
        _setValue(amount, "50000");
        _fireShortcut(form, Key.ENTER);
        _setValue(number, Integer.toString(a.memberNumber()));
        _setValue(amount, "25000");
        _fireShortcut(form, Key.ENTER);

        // an unknown member saves nothing
        _setValue(number, "99999");
        _setValue(amount, "10000");
        _fireShortcut(form, Key.ENTER);

        Grid<?> session = _get(Grid.class, spec -> spec.withId("passbook-session"));
        assertThat(_size(session)).isEqualTo(3);
        assertThat(_get(Span.class, spec -> spec.withId("passbook-total")).getText())
                .startsWith(Formats.money(new BigDecimal("100000"), "IDR", Locale.ENGLISH));
        BigDecimal mandatoryA = savings.accounts(coop, a.id()).stream().filter(x -> x.kind() == SavingsKind.MANDATORY)
                .findFirst().orElseThrow().balance();
        assertThat(mandatoryA).isEqualByComparingTo("50000");
        assertThat(savings.transactionCount(coop, b.id())).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRinggitProductInThePassbookTakesRinggit() {
        signIn("treasurer");
        UI.getCurrent().navigate(PassbookEntryView.class);
        Select<SavingsProduct> product = _get(Select.class, spec -> spec.withId("passbook-product"));
        AmountField amount = _get(AmountField.class, spec -> spec.withId("passbook-amount"));
        assertThat(amount.getLabel()).endsWith("(IDR)");
        _setValue(product, product.getListDataView().getItems().filter(p -> p.code().equals("SUKARELA-MYR")).findFirst().orElseThrow());
        _setValue(amount, "150");
        assertThat(amount.getLabel()).endsWith("(MYR)");
        assertThat(amount.getHelperText()).isEqualTo("Will be booked as MYR 150.00");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theChairCreatesAProduct() {
        signIn("chair");
        long coop = cooperatives.byCode("ngrupit").id();
        UI.getCurrent().navigate(SavingsProductsView.class);
        Grid<SavingsProduct> grid = _get(Grid.class, spec -> spec.withId("products-grid"));
        int before = _size(grid);
        ComboBox<Account> control = newProduct("HARIRAYA", "Holiday savings", "Simpanan Hari Raya");
        assertThat(control.getValue()).as("a free liability account is offered").isNotNull();
        _setValue(_get(AmountField.class, spec -> spec.withId("product-minimum")), "5000");
        _click(_get(Button.class, spec -> spec.withId("save-product")));

        SavingsProduct created = products.products(coop).stream().filter(p -> p.code().equals("HARIRAYA")).findFirst().orElseThrow();
        assertThat(created.kind()).isEqualTo(SavingsKind.VOLUNTARY);
        assertThat(created.minimumBalance()).isEqualByComparingTo("5000");
        assertThat(created.controlAccount()).isEqualTo(control.getValue().code());
        assertThat(_size(grid)).isEqualTo(before + 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aProductWithoutAControlAccountIsMarkedAndNotCreated() {
        signIn("chair");
        long coop = cooperatives.byCode("ngrupit").id();
        UI.getCurrent().navigate(SavingsProductsView.class);
        ComboBox<Account> control = newProduct("TANPAAKUN", "No account", "Tanpa akun");
        _setValue(control, null);
        _click(_get(Button.class, spec -> spec.withId("save-product")));

        assertThat(control.isInvalid()).isTrue();
        assertThat(control.getErrorMessage()).isEqualTo(control.getTranslation("text.required"));
        assertThat(products.products(coop)).extracting(SavingsProduct::code).doesNotContain("TANPAAKUN");
    }

    @Test
    void anUnreadableMinimumBalanceIsRefusedNotSavedAsZero() {
        signIn("chair");
        long coop = cooperatives.byCode("ngrupit").id();
        UI.getCurrent().navigate(SavingsProductsView.class);
        newProduct("SALAHKETIK", "Mistyped", "Salah ketik");
        AmountField minimum = _get(AmountField.class, spec -> spec.withId("product-minimum"));
        _setValue(minimum, "5.000,-");
        _click(_get(Button.class, spec -> spec.withId("save-product")));

        assertThat(minimum.isInvalid()).isTrue();
        assertThat(products.products(coop)).extracting(SavingsProduct::code).doesNotContain("SALAHKETIK");
    }

    /** Opens the new-product dialog and fills in its code and names; answers its control-account field. */
    @SuppressWarnings("unchecked")
    private static ComboBox<Account> newProduct(String code, String nameEn, String nameId) {
        _click(_get(Button.class, spec -> spec.withId("new-product")));
        _setValue(_get(TextField.class, spec -> spec.withId("product-code")), code);
        _setValue(_get(TextField.class, spec -> spec.withId("product-name-en")), nameEn);
        _setValue(_get(TextField.class, spec -> spec.withId("product-name-id")), nameId);
        return _get(ComboBox.class, spec -> spec.withId("product-control-account"));
    }

    @Test
    void theTreasurerCannotCreateProducts() {
        signIn("treasurer");
        UI.getCurrent().navigate(SavingsProductsView.class);
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Button.class, spec -> spec.withId("new-product"))).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void arrearsListAMemberBehind() {
        signIn("treasurer");
        long coop = cooperatives.byCode("ngrupit").id();
        Member late = members.register(coop, NewMember.basic("Tunggak Tigabulan", "F", "Ngrupit", null,
                LocalDate.now().minusMonths(2).withDayOfMonth(1)));
        UI.getCurrent().navigate(DuesArrearsView.class);
        Grid<DuesArrears> grid = _get(Grid.class, spec -> spec.withId("arrears-grid"));
        DuesArrears row = grid.getListDataView().getItems().filter(a -> a.memberId() == late.id()).findFirst().orElseThrow();
        // by the last day of the month (the default): the two months before this one are late, this one is not yet
        assertThat(row.monthsDue()).isEqualTo(2);
        assertThat(row.paid()).isEqualByComparingTo("0");
        assertThat(row.monthsBehind()).isEqualTo(2);
        // most behind first
        for (int i = 1; i < _size(grid); i++) {
            assertThat(_get(grid, i - 1).arrears()).isGreaterThanOrEqualTo(_get(grid, i).arrears());
        }
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("arrears-members")).getElement()
                .getTextRecursively()).contains(Formats.number(_size(grid), Locale.ENGLISH));
    }
}
