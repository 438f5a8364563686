package org.lumbung.ui.components;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.ui.i18n.Formats;

import java.util.Locale;

/**
 * A text field's length limit, said rather than enforced by cutting. A browser's maxlength cuts a pasted
 * text at the limit without a word, so a 5,000-character paste would be saved as its first 200 (and a
 * long pasted password would be set to another one); here the input is bounded far above the limit
 * ({@link #INPUT_BOUND}), and a text over the limit marks the field with the limit and the length typed,
 * so the person shortens it. The services refuse it as well.
 */
public final class TextLimit {

    /** What a field takes at all: far above any limit, so that an over-long text arrives and is named. */
    public static final int INPUT_BOUND = 10_000;

    private TextLimit() {
    }

    public static void limit(TextField field, int max) {
        field.setManualValidation(true);
        bound(field, max);
    }

    public static void limit(TextArea field, int max) {
        field.setManualValidation(true);
        bound(field, max);
    }

    public static void limit(EmailField field, int max) {
        field.setManualValidation(true);
        bound(field, max);
    }

    public static void limit(PasswordField field, int max) {
        field.setManualValidation(true);
        bound(field, max);
    }

    private static void bound(TextFieldBase<?, String> field, int max) {
        field.getElement().setProperty("maxlength", INPUT_BOUND);
        field.addValueChangeListener(e -> check(field, max));
    }

    /** Marks the field when its text is over the limit (or required and empty); true when it is fine. */
    public static boolean check(TextFieldBase<?, String> field, int max) {
        String text = field.getValue() == null ? "" : field.getValue().strip();
        Locale locale = UI.getCurrent() == null ? Messages.ENGLISH : UI.getCurrent().getLocale();
        String error = text.length() > max
                ? field.getTranslation("text.too-long", Formats.number(max, locale), Formats.number(text.length(), locale))
                : field.isRequired() && text.isEmpty() ? field.getTranslation("text.required") : null;
        if (error != null) {
            field.setErrorMessage(error);
        }
        field.setInvalid(error != null);
        return error == null;
    }
}
