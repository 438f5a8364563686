package org.lumbung.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The page a screen shows in place of itself when it cannot be shown: a title, what happened, the way back. */
abstract class ErrorPage extends VerticalLayout {

    /** Replaces the page's content; {@code id} names the paragraph that says what happened. */
    protected void show(String titleKey, String text, String id) {
        removeAll();
        setAlignItems(Alignment.CENTER);
        Paragraph said = new Paragraph(text);
        said.setId(id);
        add(new H2(getTranslation(titleKey)), said, new Anchor("", getTranslation("error.not-found.home")));
    }
}
