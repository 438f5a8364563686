package org.lumbung.ui.sales;

import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import org.lumbung.sales.StockLocation;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.i18n.TypedNumber;

import java.math.BigDecimal;
import java.util.Locale;

/** Quantities as the shop's screens take and show them. */
final class ShopTexts {

    /** Seven digits, their two groupings, a separator and three decimals: 13 characters. */
    static final int QUANTITY_LENGTH = 13;

    private ShopTexts() {
    }

    /** A quantity as shown in the reader's language, without trailing zeros: "1,500.5" in English, "1.500,5" in Indonesian. */
    static String quantity(BigDecimal q, Locale locale) {
        return Formats.decimal(q, locale);
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

    /**
     * The typed quantity as the reader writes numbers ("1,5" or "1.500" in Indonesian), or null when it is not a plain
     * positive number of at most seven digits and three decimals.
     */
    static @Nullable BigDecimal parseQuantity(@Nullable String text, Locale locale) {
        return TypedNumber.read(text == null ? "" : text.strip(), locale, 7, 3).orElse(null);
    }
}
