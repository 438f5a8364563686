package org.lumbung.ui.loans;

import com.vaadin.flow.component.Component;
import org.jspecify.annotations.Nullable;
import org.lumbung.loans.LoanPurpose;

/** A loan's purpose in the reader's language; the income-generating ones say so. */
final class PurposeLabels {

    private PurposeLabels() {
    }

    static String of(Component reader, @Nullable LoanPurpose purpose) {
        if (purpose == null) {
            return reader.getTranslation("loans.ui.purpose.none");
        }
        String name = reader.getTranslation("loans.ui.purpose." + purpose.name());
        return purpose.incomeGenerating() ? reader.getTranslation("loans.ui.purpose.income-generating", name) : name;
    }
}
