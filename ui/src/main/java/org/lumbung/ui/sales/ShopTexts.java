package org.lumbung.ui.sales;

import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import org.lumbung.sales.StockLocation;

import java.math.BigDecimal;

/** Quantities as the shop's screens take and show them. */
final class ShopTexts {

    /** At most a million, three decimals: "1000000.000" and a sign is 12 characters. */
    static final int QUANTITY_LENGTH = 12;

    private ShopTexts() {
    }

    /** A quantity as shown: no trailing zeros ("2", "1.5"). */
    static String quantity(BigDecimal q) {
        return q.stripTrailingZeros().toPlainString();
    }

    /** A quantity field: digits and a decimal point or comma, at most twelve characters. */
    static TextField quantityField(@Nullable String label) {
        TextField f = new TextField(label);
        f.setMaxLength(QUANTITY_LENGTH);
        f.setAllowedCharPattern("[0-9.,]");
        f.addThemeName("align-right");
        return f;
    }

    /** A choice of the shop or the warehouse, each in the reader's words, with the one chosen first. */
    static RadioButtonGroup<StockLocation.Kind> locationChoice(String labelKey, StockLocation.Kind first) {
        RadioButtonGroup<StockLocation.Kind> choice = new RadioButtonGroup<>();
        choice.setLabel(choice.getTranslation(labelKey));
        choice.setItems(StockLocation.Kind.values());
        choice.setItemLabelGenerator(k -> choice.getTranslation("shop.ui.location." + k.name()));
        choice.setValue(first);
        return choice;
    }

    /** The typed quantity, or null when it is not a plain positive number of at most three decimals. */
    static @Nullable BigDecimal parseQuantity(@Nullable String text) {
        String t = text == null ? "" : text.strip().replace(',', '.');
        if (!t.matches("[0-9]{1,7}(\\.[0-9]{1,3})?")) {
            return null;
        }
        return new BigDecimal(t);
    }
}
