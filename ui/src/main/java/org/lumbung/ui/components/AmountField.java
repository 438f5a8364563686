package org.lumbung.ui.components;

import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.jspecify.annotations.Nullable;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.platform.money.TypedAmount;
import org.lumbung.ui.i18n.Formats;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * An amount typed the way the reader writes numbers ({@code 1.200.000,50} in Indonesian,
 * {@code 1,200,000.50} in English), read strictly by {@link TypedAmount}. The text is kept as typed —
 * no character is filtered out, since dropping a {@code -} or an {@code e} turns one amount into another —
 * and the helper text under the field shows the amount as it will be booked, or the field says why the
 * text is not an amount. {@link #getAmount()} is null then, so nothing is booked.
 */
public class AmountField extends TextField {

    private String currency = "IDR";
    private boolean zeroAllowed;

    public AmountField(@Nullable String label) {
        super(label);
        setMaxLength(TypedAmount.MAX_LENGTH);
        setManualValidation(true);
        setValueChangeMode(ValueChangeMode.LAZY);
        setValueChangeTimeout(250);
        addThemeName("align-right");
        addClassName("amount-field");
        addValueChangeListener(e -> read(false));
    }

    /** The currency the amount is in: its minor units bound the decimals, its code is shown with the amount. */
    public void setCurrency(String currency) {
        this.currency = currency;
        read(false);
    }

    /** For amounts that may be zero (a minimum balance); by default an amount is more than zero. */
    public void setZeroAllowed(boolean zeroAllowed) {
        this.zeroAllowed = zeroAllowed;
    }

    private Locale locale() {
        return getLocale() == null ? Messages.ENGLISH : getLocale();
    }

    /**
     * The amount typed, or null when the field is empty or its text is not an amount; in that case the
     * field is marked with the reason (an empty required field too).
     */
    public @Nullable BigDecimal getAmount() {
        return read(true);
    }

    /**
     * The amount typed, for a service that needs one: refused with {@code money.amount.missing}, as the service
     * would refuse a missing amount, when there is none; the field is marked with the reason.
     */
    public BigDecimal requireAmount() {
        BigDecimal amount = getAmount();
        if (amount == null) {
            throw DomainException.invalid("money.amount.missing");
        }
        return amount;
    }

    /**
     * The amount typed, or null when the field is left empty (an optional amount); text that is not an amount is
     * refused with the reason the field shows, never taken for an empty field.
     */
    public @Nullable BigDecimal optionalAmount() {
        BigDecimal amount = getAmount();
        if (amount == null && isInvalid()) {
            throw DomainException.invalid("input.unreadable", getLabel() == null ? "" : getLabel());
        }
        return amount;
    }

    private @Nullable BigDecimal read(boolean submitting) {
        try {
            BigDecimal amount = TypedAmount.parse(getValue(), locale(), currency);
            if (amount == null) {
                setHelperText(null);
                refuse(submitting && isRequired() ? "money.amount.missing" : null);
                return null;
            }
            if (amount.signum() == 0 && !zeroAllowed) {
                refuse("money.typed.zero");
                return null;
            }
            setInvalid(false);
            setHelperText(getTranslation("amount.reads-as", Formats.money(amount, currency, locale())));
            return amount;
        } catch (DomainException e) {
            setHelperText(null);
            setErrorMessage(Messages.of(e, locale()));
            setInvalid(true);
            return null;
        }
    }

    private void refuse(@Nullable String key) {
        if (key != null) {
            setErrorMessage(getTranslation(key));
        }
        setInvalid(key != null);
    }

    /** Sets the amount, written as the reader writes it. */
    public void setAmount(@Nullable BigDecimal amount) {
        if (amount == null) {
            clear();
            return;
        }
        setValue(TypedAmount.format(amount, locale(), currency));
    }
}
