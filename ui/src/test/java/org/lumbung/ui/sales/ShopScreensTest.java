package org.lumbung.ui.sales;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.KeyDownEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.sales.ShopCatalogue;
import org.lumbung.sales.StockLevel;
import org.lumbung.ui.KaribuTest;
import org.lumbung.ui.my.MyAccountView;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop's screens on the sample cooperative: the treasurer sells at the counter with the keyboard (a scanned code
 * and Enter add a line, a name with one match too, the member's number gives her price, F9's button pays), reads the
 * sale in the history and the stock screen; the member sees her purchase on her phone.
 */
class ShopScreensTest extends KaribuTest {

    @Autowired
    CooperativeService cooperatives;
    @Autowired
    ShopCatalogue catalogue;

    @Test
    @SuppressWarnings("unchecked")
    void aSaleAtTheCounterWithTheKeyboardThenInTheHistoryAndOnTheMembersPhone() {
        signIn("treasurer", Locale.ENGLISH);
        long coop = cooperatives.byCode("ngrupit").id();
        BigDecimal before = catalogue.scan(coop, "KRP-TEMPE").orElseThrow().stockQuantity();
        UI.getCurrent().navigate(SalesCounterView.class);
        TextField search = _get(TextField.class, spec -> spec.withId("shop-search"));
        _setValue(search, "8997001000011");                       // the keripik tempe's barcode, as a scanner types it
        _setValue(_get(TextField.class, spec -> spec.withId("shop-quantity")), "2");
        enter(search);
        _setValue(search, "minyak");                               // one product's name has it
        enter(search);
        Grid<SalesCounterView.CartLine> cart = _get(Grid.class, spec -> spec.withId("shop-cart"));
        assertThat(cart.getGenericDataView().getItems().count()).isEqualTo(2);
        _setValue(_get(IntegerField.class, spec -> spec.withId("shop-member")), 1);
        assertThat(_get(Span.class, spec -> spec.withId("shop-total")).getText()).contains("45,000");   // 2 × 14,000 + 17,000
        _click(_get(Button.class, spec -> spec.withId("shop-pay")));
        assertThat(_get(Span.class, spec -> spec.withId("shop-last-receipt")).getText()).contains("PJ-");
        assertThat(cart.getGenericDataView().getItems().count()).isZero();
        assertThat(catalogue.scan(coop, "KRP-TEMPE").orElseThrow().stockQuantity()).isEqualByComparingTo(before.subtract(BigDecimal.valueOf(2)));

        UI.getCurrent().navigate(SalesHistoryView.class);
        Span count = _get(Span.class, spec -> spec.withId("shop-sales-count"));
        assertThat(count.getText()).isNotBlank();
        UI.getCurrent().navigate(StockView.class);
        Grid<StockLevel> stock = _get(Grid.class, spec -> spec.withId("shop-stock-grid"));
        assertThat(stock.getGenericDataView().getItems().count()).isGreaterThanOrEqualTo(8);
        assertThat(_get(Span.class, spec -> spec.withId("shop-valuation")).getText()).contains("=");

        setUpVaadinAgain();
        signIn("ngrupit-1", Locale.ENGLISH);
        UI.getCurrent().navigate(MyAccountView.class);
        assertThat(_get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, spec -> spec.withId("my-purchases"))
                .getChildren().count()).isGreaterThan(1);
    }

    private static void enter(TextField field) {
        ComponentUtil.fireEvent(field, new KeyDownEvent(field, "Enter"));
    }
}
