package org.lumbung.ui.components;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.jspecify.annotations.Nullable;

/**
 * One figure on the dashboard: a label, the value large, an optional note. A figure too long for its card
 * (Rp 999.999.999.999.999,00 on a phone) shrinks a step and is then cut with an ellipsis inside the card,
 * never spilling over the next one; the whole figure stays in the title (shown on hover, read aloud).
 */
public class FigureCard extends Div {

    /** Characters beyond which a figure is set a size smaller (fits "Rp 1.234.567.890,00" in 15em). */
    static final int LONG_FIGURE = 18;

    public FigureCard(String id, String label, String value, @Nullable String note) {
        setId(id);
        addClassName("figure-card");
        getStyle().set("min-width", "0").set("overflow", "hidden").set("background", "var(--lumo-contrast-5pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)").set("display", "flex").set("flex-direction", "column")
                .set("gap", "var(--lumo-space-xs)");
        Span l = new Span(label);
        l.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Span v = new Span(value);
        v.addClassName("figure-value");
        v.getElement().setAttribute("title", value);
        v.getStyle().set("font-size", value.length() > LONG_FIGURE ? "var(--lumo-font-size-l)" : "var(--lumo-font-size-xl)")
                .set("font-weight", "600").set("white-space", "nowrap").set("overflow", "hidden")
                .set("text-overflow", "ellipsis").set("max-width", "100%").set("display", "block");
        add(l, v);
        if (note != null) {
            Span n = new Span(note);
            n.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-xs)");
            add(n);
        }
    }

    /** A responsive grid of cards: as many columns as fit, one on a phone. */
    public static Div grid() {
        Div grid = new Div();
        grid.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fill, minmax(15em, 1fr))")
                .set("gap", "var(--lumo-space-m)").set("width", "100%");
        return grid;
    }
}
