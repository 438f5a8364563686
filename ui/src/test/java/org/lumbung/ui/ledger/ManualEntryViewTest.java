package org.lumbung.ui.ledger;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.Account;
import org.lumbung.ledger.JournalFilter;
import org.lumbung.ledger.LedgerQueries;
import org.lumbung.ui.KaribuTest;
import org.lumbung.ui.components.AmountField;
import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import org.springframework.beans.factory.annotation.Autowired;


import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class ManualEntryViewTest extends KaribuTest {

    @Autowired
    LedgerQueries queries;
    @Autowired
    CooperativeService cooperatives;

    @SuppressWarnings("unchecked")
    private static ComboBox<Account> account(int line) {
        return _get(ComboBox.class, spec -> spec.withId("line-account-" + line));
    }

    private static AmountField amount(String id) {
        return _get(AmountField.class, spec -> spec.withId(id));
    }

    private static Span difference() {
        return _get(Span.class, spec -> spec.withId("entry-difference"));
    }

    private static Account byCode(ComboBox<Account> box, String code) {
        return box.getListDataView().getItems().filter(a -> a.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void saveStaysDisabledUntilTheEntryBalancesThenPostsOnce() {
        signIn("treasurer");
        UI.getCurrent().navigate(ManualEntryView.class);
        long cooperativeId = cooperatives.byCode("ngrupit").id();
        int before = queries.journalCount(cooperativeId, JournalFilter.all());
        Button save = _get(Button.class, spec -> spec.withId("save-entry"));

        _setValue(_get(TextField.class, spec -> spec.withId("entry-description")), "Beli buku kas");
        _setValue(account(1), byCode(account(1), "5400"));
        _setValue(amount("line-debit-1"), "45000");
        _setValue(account(2), byCode(account(2), "1100"));
        _setValue(amount("line-credit-2"), "40000");
        assertThat(save.isEnabled()).isFalse();
        assertThat(_get(Span.class, spec -> spec.withId("entry-difference")).getText())
                .contains("IDR 5,000.00").contains("more debit");

        _setValue(amount("line-credit-2"), "45,000");
        assertThat(save.isEnabled()).isTrue();
        _click(save);

        assertThat(queries.journalCount(cooperativeId, JournalFilter.all())).isEqualTo(before + 1);
        assertThat(queries.journalPage(cooperativeId, JournalFilter.all(), 0, 1).get(0).description()).isEqualTo("Beli buku kas");
        // the form is fresh again, with a new idempotency key, and cannot be saved empty
        assertThat(_get(TextField.class, spec -> spec.withId("entry-description")).getValue()).isEmpty();
        assertThat(save.isEnabled()).isFalse();
        // ...and is not marked as wrong: nothing has been typed into it yet
        assertThat(_get(TextField.class, spec -> spec.withId("entry-description")).isInvalid()).isFalse();
        assertThat(difference().getText()).isEmpty();
    }

    @Test
    void anAmountFarAboveWhatTheAccountsUsuallyMoveIsBookedOnlyAfterTheTreasurerConfirmsIt() {
        signIn("treasurer");
        UI.getCurrent().navigate(ManualEntryView.class);
        long cooperativeId = cooperatives.byCode("ngrupit").id();
        int before = queries.journalCount(cooperativeId, JournalFilter.all());
        _setValue(_get(TextField.class, spec -> spec.withId("entry-description")), "Hibah pemerintah daerah");
        _setValue(account(1), byCode(account(1), "1100"));
        _setValue(amount("line-debit-1"), "250,000,000");
        _setValue(account(2), byCode(account(2), "3300"));
        _setValue(amount("line-credit-2"), "250,000,000");

        _click(_get(Button.class, spec -> spec.withId("save-entry")));
        assertThat(queries.journalCount(cooperativeId, JournalFilter.all())).as("asked first").isEqualTo(before);
        assertThat(_get(Button.class, spec -> spec.withId("confirm-yes")).getText()).isEqualTo("Yes, book IDR 250,000,000.00");
        _click(_get(Button.class, spec -> spec.withId("confirm-no")));
        assertThat(queries.journalCount(cooperativeId, JournalFilter.all())).isEqualTo(before);
        assertThat(amount("line-debit-1").getValue()).as("kept to be corrected").isEqualTo("250,000,000");

        _click(_get(Button.class, spec -> spec.withId("save-entry")));
        _click(_get(Button.class, spec -> spec.withId("confirm-yes")));
        assertThat(queries.journalCount(cooperativeId, JournalFilter.all())).isEqualTo(before + 1);
    }

    @Test
    void aFreshFormSaysNothingAndEachFaultGetsItsOwnMessage() {
        signIn("treasurer");
        UI.getCurrent().navigate(ManualEntryView.class);
        assertThat(difference().getText()).isEmpty();

        _setValue(amount("line-debit-1"), "-5");
        assertThat(amount("line-debit-1").isInvalid()).isTrue();
        assertThat(amount("line-debit-1").getErrorMessage()).contains("without a sign");
        assertThat(difference().getText()).isNotEqualTo("An entry needs at least two lines.").contains("correct the marked fields");

        _setValue(amount("line-debit-1"), "1e15");
        assertThat(amount("line-debit-1").getErrorMessage()).contains("without letters");
        assertThat(amount("line-debit-1").getAmount()).isNull();

        _setValue(amount("line-debit-1"), "1,200,000.50");
        assertThat(amount("line-debit-1").isInvalid()).isFalse();
        assertThat(amount("line-debit-1").getHelperText()).isEqualTo("Will be booked as IDR 1,200,000.50");
        _setValue(account(1), byCode(account(1), "5400"));
        assertThat(difference().getText()).isEqualTo("An entry needs at least two lines.");
    }

    @Test
    void anAccountCodeTypedInFullChoosesTheAccount() {
        signIn("treasurer");
        UI.getCurrent().navigate(ManualEntryView.class);
        ComboBoxKt._fireCustomValueSet(account(1), "5400");
        assertThat(account(1).getValue()).isNotNull();
        assertThat(account(1).getValue().code()).isEqualTo("5400");

        ComboBoxKt._fireCustomValueSet(account(2), "9999");
        assertThat(account(2).getValue()).isNull();
        assertThat(account(2).isInvalid()).isTrue();
        assertThat(account(2).getErrorMessage()).isEqualTo("No account has the code 9999.");
    }

    @Test
    void theValueDatesPickerSpeaksIndonesianOnAnIndonesianScreen() {
        signIn("treasurer");
        UI.getCurrent().setLocale(org.lumbung.platform.i18n.Messages.INDONESIAN);
        UI.getCurrent().navigate(ManualEntryView.class);
        DatePicker.DatePickerI18n i18n = _get(DatePicker.class, spec -> spec.withId("entry-value-date")).getI18n();
        assertThat(i18n.getMonthNames()).startsWith("Januari").endsWith("Desember");
        assertThat(i18n.getWeekdays()).startsWith("Minggu");
        assertThat(i18n.getToday()).isEqualTo("Hari ini");
        assertThat(i18n.getCancel()).isEqualTo("Batal");
        assertThat(i18n.getDateFormats()).as("day first, never the US order").startsWith("dd/MM/yyyy");
    }

    @Test
    void auditorsCannotOpenTheEntryForm() {
        signIn("auditor");
        UI.getCurrent().navigate(ManualEntryView.class);
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0))
                .isNotInstanceOf(ManualEntryView.class);
    }
}
