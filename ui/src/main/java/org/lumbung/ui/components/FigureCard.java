package org.lumbung.ui.components;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** One figure on the dashboard: a label, the value large, an optional note. */
public class FigureCard extends Div {

    public FigureCard(String id, String label, String value, String note) {
        setId(id);
        getStyle().set("background", "var(--lumo-contrast-5pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)").set("display", "flex").set("flex-direction", "column")
                .set("gap", "var(--lumo-space-xs)");
        Span l = new Span(label);
        l.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Span v = new Span(value);
        v.addClassName("figure-value");
        v.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
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
