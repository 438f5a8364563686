package org.lumbung.ui.components;

import org.lumbung.savings.SavingsTransaction;

import java.util.function.Function;

/**
 * What a savings transaction was, as the statement names it: its kind, where a transfer went, and the feature that
 * booked a deposit in its own entry ("Deposit · Remittance").
 */
public final class TransactionText {

    private TransactionText() {
    }

    public static String what(Function<String, String> translation, SavingsTransaction t) {
        String kind = translation.apply("tx.kind." + t.kind().name());
        if (t.counterAccountNumber() != null) {
            return kind + " → " + t.counterAccountNumber();
        }
        return t.source() == null ? kind : kind + " · " + translation.apply("tx.source." + t.source().name());
    }
}
