package org.lumbung.ui.components;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/**
 * A question before something that is hard to undo: the dialog names what will happen, the confirming button
 * repeats it, and Cancel (or Escape) changes nothing.
 */
public final class Confirmation extends Dialog {

    private final Button confirm = new Button();

    private Confirmation(String title, Component body, String confirmText, String cancelText, Runnable onConfirm) {
        setId("confirmation");
        setHeaderTitle(title);
        setWidth("min(40em, 96vw)");
        add(body);
        confirm.setText(confirmText);
        confirm.setId("confirm-yes");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setDisableOnClick(true);
        confirm.addClickListener(e -> {
            close();
            onConfirm.run();
        });
        Button cancel = new Button(cancelText, e -> close());
        cancel.setId("confirm-no");
        getFooter().add(cancel, confirm);
    }

    /** Opens the question; {@code onConfirm} runs only when the person confirms. */
    public static Confirmation ask(String title, Component body, String confirmText, String cancelText, Runnable onConfirm) {
        Confirmation c = new Confirmation(title, body, confirmText, cancelText, onConfirm);
        c.open();
        return c;
    }

    public static Confirmation ask(String title, String text, String confirmText, String cancelText, Runnable onConfirm) {
        return ask(title, new Paragraph(text), confirmText, cancelText, onConfirm);
    }

    /** Marks the confirming button as the dangerous kind (rejecting, reversing). */
    public Confirmation dangerous() {
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return this;
    }
}
