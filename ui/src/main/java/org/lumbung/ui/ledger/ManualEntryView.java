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
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.Menu;
import org.lumbung.ui.security.RequiresAbility;
import org.lumbung.ui.MenuGroup;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.Account;
import org.lumbung.ledger.JournalEntry;
import org.lumbung.ledger.LedgerLimits;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.ledger.Side;
import org.lumbung.platform.DomainException;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.i18n.Formats;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final List<Account> accounts;
    private final DatePicker valueDate = new DatePicker();
    private final TextField description = new TextField();
    private final VerticalLayout lines = new VerticalLayout();
    private final List<LineEditor> editors = new ArrayList<>();
    private final Span difference = new Span();
    private final Button save = new Button();
    private String idempotencyKey = newKey();

    private final org.lumbung.ui.UiAudit audit;

    public ManualEntryView(LedgerAccess access, LedgerService ledger, Clock clock, org.lumbung.ui.UiAudit audit) {
        this.access = access;
        this.audit = audit;
        this.ledger = ledger;
        this.accounts = access.postableAccounts();
        Cooperative c = access.cooperative();
        valueDate.setLabel(getTranslation("entry.value-date"));
        valueDate.setId("entry-value-date");
        valueDate.setValue(c.today(clock));
        valueDate.setMax(c.today(clock));
        valueDate.setRequired(true);
        description.setLabel(getTranslation("entry.description"));
        description.setId("entry-description");
        description.setMaxLength(LedgerLimits.MAX_DESCRIPTION);
        description.setWidthFull();
        description.setRequired(true);
        description.setValueChangeMode(ValueChangeMode.EAGER);
        description.addValueChangeListener(e -> recalculate());
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

    /** The per-currency difference between debits and credits; Save only when all are zero. */
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
        StringBuilder text = new StringBuilder();
        net.forEach((currency, v) -> {
            if (v.signum() != 0) {
                text.append(getTranslation("entry.difference", Formats.money(v.abs(), currency, getLocale()),
                        getTranslation(v.signum() > 0 ? "entry.more-debit" : "entry.more-credit"))).append("  ");
            }
        });
        difference.setText(complete < 2 ? getTranslation("entry.need-two-lines")
                : balanced ? getTranslation("entry.balanced") : text.toString().strip());
        difference.getStyle().set("color", balanced && complete >= 2 ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
        save.setEnabled(balanced && complete >= 2 && !partial && !description.getValue().isBlank()
                && valueDate.getValue() != null);
    }

    private void save() {
        List<PostingLine> posting = editors.stream().filter(LineEditor::isComplete)
                .map(e -> new PostingLine(e.account.getValue().code(), e.side(), e.amount())).toList();
        try {
            long cooperativeId = access.cooperative().id();
            JournalEntry entry = ledger.post(new PostingRequest(cooperativeId, idempotencyKey, valueDate.getValue(),
                    description.getValue(), "MANUAL", null, posting, access.poster().username())).entry();
            audit.done(cooperativeId, "POST_ENTRY", "entry #" + entry.sequence() + ": " + entry.description());
            Notifications.success(getTranslation("entry.saved", entry.sequence()));
            idempotencyKey = newKey();
            description.clear();
            editors.clear();
            lines.removeAll();
            addLine();
            addLine();
        } catch (DomainException e) {
            audit.refused(access.cooperative().id(), "POST_ENTRY", e.messageKey());
            Notifications.refused(e);
        }
        recalculate();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.new-entry") + " — Lumbung";
    }

    /** One line: account, debit or credit amount, remove. */
    private final class LineEditor extends FlexLayout {
        final ComboBox<Account> account = new ComboBox<>();
        final BigDecimalField debit = new BigDecimalField();
        final BigDecimalField credit = new BigDecimalField();

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
            debit.setPlaceholder(getTranslation("entry.debit"));
            debit.setId("line-debit-" + number);
            credit.setPlaceholder(getTranslation("entry.credit"));
            credit.setId("line-credit-" + number);
            debit.setValueChangeMode(ValueChangeMode.EAGER);
            credit.setValueChangeMode(ValueChangeMode.EAGER);
            account.addValueChangeListener(e -> recalculate());
            debit.addValueChangeListener(e -> {
                if (e.getValue() != null) {
                    credit.clear();
                }
                recalculate();
            });
            credit.addValueChangeListener(e -> {
                if (e.getValue() != null) {
                    debit.clear();
                }
                recalculate();
            });
            Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
                editors.remove(this);
                lines.remove(this);
                recalculate();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            remove.setAriaLabel(getTranslation("entry.remove-line"));
            add(account, debit, credit, remove);
            setFlexGrow(1, account);
        }

        boolean isEmpty() {
            return account.getValue() == null && debit.getValue() == null && credit.getValue() == null;
        }

        boolean isComplete() {
            return account.getValue() != null && amount() != null && amount().signum() > 0;
        }

        Side side() {
            return debit.getValue() != null ? Side.DEBIT : Side.CREDIT;
        }

        BigDecimal amount() {
            return debit.getValue() != null ? debit.getValue() : credit.getValue();
        }

        BigDecimal signedAmount() {
            return side() == Side.DEBIT ? amount() : amount().negate();
        }
    }
}
