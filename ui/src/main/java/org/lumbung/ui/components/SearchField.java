package org.lumbung.ui.components;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/** The search box of a list: a magnifier, searches as the person pauses typing, at most 100 characters. */
public class SearchField extends TextField {

    public SearchField(String id, String placeholder, Runnable search) {
        setId(id);
        setPlaceholder(placeholder);
        setPrefixComponent(VaadinIcon.SEARCH.create());
        setValueChangeMode(ValueChangeMode.LAZY);
        setMaxLength(100);
        setClearButtonVisible(true);
        addValueChangeListener(e -> search.run());
    }
}
