package org.lumbung.ui.ledger;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.Account;
import org.lumbung.ledger.JournalEntry;
import org.lumbung.ledger.LedgerLimits;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.ledger.Side;
import org.lumbung.ledger.UsualMovements;
import org.lumbung.platform.DomainException;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.AmountField;
import org.lumbung.ui.components.DateField;
import org.lumbung.ui.components.LargeAmount;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.components.TextLimit;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A manual journal entry: lines with a debit or a credit each, the running difference per currency,
 * and a Save that stays disabled until the entry balances. The idempotency key is made when the form
 * opens, so a double click or a reload after a lost answer can never post twice.
 */
@Route("ledger/new-entry")
@RequiresAbility("POST_ENTRY")
@Menu(title = "nav.new-entry", order = 310, icon = "vaadin:plus")
@MenuGroup("nav.group.ledger")
public class ManualEntryView extends VerticalLayout implements HasDynamicTitle {

    private final LedgerAccess access;
    private final LedgerService ledger;
    private final UsualMovements usual;
    private final List<Account> accounts;
    private final DatePicker valueDate = new DateField();
    private final TextField description = new TextField();
    private final VerticalLayout lines = new VerticalLayout();
    private final List<LineEditor> editors = new ArrayList<>();
    private final Span difference = new Span();
    private final Button save = new Button();
    private String idempotencyKey = newKey();
    private boolean touched;

    private final UiAudit audit;

    public ManualEntryView(LedgerAccess access, LedgerService ledger, UsualMovements usual, Clock clock,
                           UiAudit audit) {
        this.access = access;
        this.audit = audit;
        this.ledger = ledger;
        this.usual = usual;
        this.accounts = access.postableAccounts();
        Cooperative c = access.cooperative();
        valueDate.setLabel(getTranslation("entry.value-date"));
        valueDate.setId("entry-value-date");
        valueDate.setValue(c.today(clock));
        valueDate.setMax(c.today(clock));
        valueDate.setRequired(true);
        description.setLabel(getTranslation("entry.description"));
        description.setId("entry-description");
        TextLimit.limit(description, LedgerLimits.MAX_DESCRIPTION);
        description.setWidthFull();
        description.setRequired(true);
        description.setValueChangeMode(ValueChangeMode.EAGER);
        description.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                acted();
            } else {
                recalculate();
            }
        });
        lines.setPadding(false);
        lines.setSpacing(false);
        Button addLine = new Button(getTranslation("entry.add-line"), VaadinIcon.PLUS.create(), e -> addLine());
        addLine.setId("add-line");
        difference.setId("entry-difference");
        save.setText(getTranslation("action.save"));
        save.setId("save-entry");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(e -> save());
        addLine();
        addLine();
        FlexLayout head = new FlexLayout(valueDate, description);
        head.setWidthFull();
        head.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        head.getStyle().set("gap", "var(--lumo-space-m)");
        head.setFlexGrow(1, description);
        FlexLayout foot = new FlexLayout(addLine, difference, save);
        foot.setWidthFull();
        foot.setAlignItems(FlexComponent.Alignment.CENTER);
        foot.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        foot.getStyle().set("gap", "var(--lumo-space-m)");
        foot.setFlexGrow(1, difference);
        add(new H2(getTranslation("nav.new-entry")), head, lines, foot);
        recalculate();
    }

    private static String newKey() {
        return "ui-" + UUID.randomUUID();
    }

    private void addLine() {
        if (editors.size() >= LedgerLimits.MAX_LINES) {
            return;
        }
        LineEditor editor = new LineEditor(editors.size() + 1);
        editors.add(editor);
        lines.add(editor);
        recalculate();
    }

    /**
     * The per-currency difference between debits and credits; Save only when all are zero. Nothing is said
     * before the person has acted: a fresh form is not a mistake.
     */
    private void recalculate() {
        Map<String, BigDecimal> net = new TreeMap<>();
        int complete = 0;
        boolean partial = false;
        for (LineEditor e : editors) {
            if (e.isEmpty()) {
                continue;
            }
            if (!e.isComplete()) {
                partial = true;
                continue;
            }
            complete++;
            net.merge(e.account.getValue().currency(), e.signedAmount(), BigDecimal::add);
        }
        boolean balanced = net.values().stream().allMatch(v -> v.signum() == 0);
        boolean ready = balanced && complete >= 2 && !partial;
        difference.setText(touched ? state(net, complete, partial) : "");
        difference.getStyle().set("color", ready ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
        save.setEnabled(ready && !description.getValue().isBlank() && valueDate.getValue() != null);
    }

    /** What keeps the entry from being saved, the one fault that fits; or that it balances. */
    private String state(Map<String, BigDecimal> net, int complete, boolean partial) {
        if (partial) {
            return getTranslation("entry.line-incomplete");
        }
        if (complete < 2) {
            return getTranslation("entry.need-two-lines");
        }
        StringBuilder text = new StringBuilder();
        net.forEach((currency, v) -> {
            if (v.signum() != 0) {
                text.append(getTranslation("entry.difference", Formats.money(v.abs(), currency, getLocale()),
                        getTranslation(v.signum() > 0 ? "entry.more-debit" : "entry.more-credit"))).append("  ");
            }
        });
        return text.isEmpty() ? getTranslation("entry.balanced") : text.toString().strip();
    }

    /** Marks that the person has acted, then re-checks. */
    private void acted() {
        touched = true;
        recalculate();
    }

    /**
     * Books the entry, after the person confirms the first line whose amount is far above what its account usually
     * moves (one line is enough: the lines balance, so an extra 000 shows on at least two of them).
     */
    private void save() {
        if (!TextLimit.check(description, LedgerLimits.MAX_DESCRIPTION)) {
            if (description.getValue().isBlank()) {
                description.setErrorMessage(getTranslation("entry.description.missing"));
            }
            recalculate();
            return;
        }
        long cooperativeId = access.cooperative().id();
        LineEditor unusual = editors.stream().filter(LineEditor::isComplete)
                .filter(e -> e.completeAmount().compareTo(confirmAbove(cooperativeId, e)) > 0)
                .findFirst().orElse(null);
        if (unusual == null) {
            book();
            return;
        }
        LargeAmount.confirmAbove(this, unusual.completeAmount(), confirmAbove(cooperativeId, unusual),
                unusual.account.getValue().currency(), this::book);
        recalculate();
    }

    private BigDecimal confirmAbove(long cooperativeId, LineEditor line) {
        return usual.confirmAbove(cooperativeId, line.account.getValue().id());
    }

    private void book() {
        List<PostingLine> posting = editors.stream().filter(LineEditor::isComplete)
                .map(e -> new PostingLine(e.account.getValue().code(), e.side(), e.completeAmount()))
                .toList();
        long cooperativeId = access.cooperative().id();
        try {
            JournalEntry entry = ledger.post(new PostingRequest(cooperativeId, idempotencyKey, valueDate.getValue(),
                    description.getValue(), "MANUAL", null, posting, access.poster().username())).entry();
            audit.done(cooperativeId, "POST_ENTRY", "entry #" + entry.sequence() + ": " + entry.description());
            Notifications.success(getTranslation("entry.saved", entry.sequence()));
            idempotencyKey = newKey();
            startAfresh();
        } catch (DomainException e) {
            audit.refused(cooperativeId, "POST_ENTRY", e.messageKey());
            Notifications.refused(e);
        }
        recalculate();
    }

    /** A fresh form after a save: empty, and not marked as wrong — nothing has been typed into it yet. */
    private void startAfresh() {
        description.clear();
        description.setInvalid(false);
        editors.clear();
        lines.removeAll();
        addLine();
        addLine();
        touched = false;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.new-entry") + " — Lumbung";
    }

    /** One line: account (chosen, or its code typed), debit or credit amount, remove. */
    private final class LineEditor extends FlexLayout {
        final ComboBox<Account> account = new ComboBox<>();
        final AmountField debit = new AmountField(null);
        final AmountField credit = new AmountField(null);

        LineEditor(int number) {
            setWidthFull();
            setFlexWrap(FlexWrap.WRAP);
            setAlignItems(Alignment.BASELINE);
            getStyle().set("gap", "var(--lumo-space-s)");
            addClassName("entry-line");
            account.setPlaceholder(getTranslation("entry.account"));
            account.setItems(accounts);
            account.setItemLabelGenerator(a -> LedgerAccess.label(a, getLocale()));
            account.setWidth("min(26em, 100%)");
            account.setId("line-account-" + number);
            account.setAllowCustomValue(true);
            account.setManualValidation(true);
            account.addCustomValueSetListener(e -> pick(e.getDetail()));
            debit.setPlaceholder(getTranslation("entry.debit"));
            debit.setId("line-debit-" + number);
            credit.setPlaceholder(getTranslation("entry.credit"));
            credit.setId("line-credit-" + number);
            account.addValueChangeListener(e -> {
                if (e.getValue() != null) {
                    account.setInvalid(false);
                    debit.setCurrency(e.getValue().currency());
                    credit.setCurrency(e.getValue().currency());
                }
                acted();
            });
            debit.addValueChangeListener(e -> amountTyped(debit, credit));
            credit.addValueChangeListener(e -> amountTyped(credit, debit));
            Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
                editors.remove(this);
                lines.remove(this);
                acted();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            remove.setAriaLabel(getTranslation("entry.remove-line"));
            add(account, debit, credit, remove);
            setFlexGrow(1, account);
        }

        /** A line is a debit or a credit: typing one side empties the other. */
        private void amountTyped(AmountField typed, AmountField other) {
            if (!typed.getValue().isBlank()) {
                other.clear();
            }
            acted();
        }

        /** A code typed in full, or the start of a code that only one account has, chooses that account. */
        private void pick(String typed) {
            String text = typed == null ? "" : typed.strip();
            List<Account> exact = accounts.stream().filter(a -> a.code().equals(text)).toList();
            List<Account> found = exact.isEmpty() && !text.isEmpty()
                    ? accounts.stream().filter(a -> a.code().startsWith(text)).limit(2).toList() : exact;
            if (found.size() == 1) {
                account.setValue(found.get(0));
                return;
            }
            account.clear();
            account.setErrorMessage(getTranslation(found.isEmpty() ? "entry.account.unknown" : "entry.account.ambiguous", text));
            account.setInvalid(true);
            acted();
        }

        boolean isEmpty() {
            return account.getValue() == null && debit.getValue().isBlank() && credit.getValue().isBlank();
        }

        boolean isComplete() {
            return account.getValue() != null && amount() != null;
        }

        Side side() {
            return debit.getValue().isBlank() ? Side.CREDIT : Side.DEBIT;
        }

        @Nullable BigDecimal amount() {
            return side() == Side.DEBIT ? debit.getAmount() : credit.getAmount();
        }

        /** Of a complete line. */
        BigDecimal completeAmount() {
            return Objects.requireNonNull(amount(), "only a complete line is read");
        }

        /** Of a complete line. */
        BigDecimal signedAmount() {
            BigDecimal amount = completeAmount();
            return side() == Side.DEBIT ? amount : amount.negate();
        }
    }
}
