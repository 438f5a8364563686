package org.lumbung.ui.loans;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.loans.Insider;
import org.lumbung.loans.InsiderRelation;
import org.lumbung.loans.LendingLimits;
import org.lumbung.loans.LendingSettings;
import org.lumbung.loans.closing.ClassRule;
import org.lumbung.loans.closing.CloseSettings;
import org.lumbung.loans.closing.Collectibility;
import org.lumbung.loans.closing.CollectibilityPolicy;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.platform.DomainException;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.security.RequiresAbility;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The cooperative's lending settings, the chair's (or an administrator's) to change: the legal lending limit
 * (general and for insiders), who the insiders are (board, supervisors, their relations), and the
 * collectibility classes — from how many days past due a loan is in each class and the provision each asks
 * for. Every change is checked by the services, logged in the audit log, and counts from the next close of
 * business (the limits from the next approval or disbursement).
 */
@Route("loans/settings")
@RequiresAbility("MANAGE_LOAN_PRODUCTS")
@Menu(title = "nav.loans.settings", order = 390, icon = "vaadin:cog")
@MenuGroup("nav.group.loans")
public class LoanSettingsView extends VerticalLayout implements HasDynamicTitle {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Cooperative cooperative;
    private final LendingLimits limits;
    private final CloseSettings classes;
    private final MemberService members;
    private final UiAudit audit;
    private final BigDecimalField limit = percentField("limit-percent", "loans.settings.limit");
    private final BigDecimalField insiderLimit = percentField("insider-limit-percent", "loans.settings.insider-limit");
    private final IntegerField insiderNumber = new IntegerField();
    private final Select<InsiderRelation> relation = new Select<>();
    private final Grid<Insider> insiders = new Grid<>();
    private final Map<Collectibility, IntegerField> days = new EnumMap<>(Collectibility.class);
    private final Map<Collectibility, BigDecimalField> rates = new EnumMap<>(Collectibility.class);

    public LoanSettingsView(CurrentCooperative current, LendingLimits limits, CloseSettings classes, MemberService members,
                            UiAudit audit) {
        this.cooperative = current.require();
        this.limits = limits;
        this.classes = classes;
        this.members = members;
        this.audit = audit;
        add(new H2(getTranslation("nav.loans.settings")), new Paragraph(getTranslation("loans.settings.explained")));
        add(new H3(getTranslation("loans.settings.limits")), limitsForm());
        add(new H3(getTranslation("loans.settings.insiders")), insidersForm(), insiders);
        add(new H3(getTranslation("loans.settings.classes")), new Paragraph(getTranslation("loans.settings.classes.explained")),
                classesForm());
        load();
    }

    private HorizontalLayout limitsForm() {
        Button save = button("save-limits", "loans.settings.save", () -> {
            LendingSettings saved = limits.update(cooperative.id(), new LendingSettings(limit.getValue(), insiderLimit.getValue()));
            return "limit " + saved.limitPercent().toPlainString() + " %, insiders " + saved.insiderLimitPercent().toPlainString() + " %";
        }, "LOAN_LENDING_LIMITS");
        return row(limit, insiderLimit, save);
    }

    private HorizontalLayout insidersForm() {
        insiderNumber.setId("insider-member-number");
        insiderNumber.setLabel(getTranslation("loans.settings.member-number"));
        insiderNumber.setMin(1);
        relation.setId("insider-relation");
        relation.setLabel(getTranslation("loans.settings.relation"));
        relation.setItems(InsiderRelation.values());
        relation.setItemLabelGenerator(r -> getTranslation("loans.settings.relation." + r.name()));
        relation.setValue(InsiderRelation.BOARD);
        insiders.setId("insiders-grid");
        insiders.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        insiders.setAllRowsVisible(true);
        insiders.addColumn(i -> "%05d".formatted(i.memberNumber())).setHeader(getTranslation("loans.settings.member-number")).setAutoWidth(true);
        insiders.addColumn(Insider::fullName).setHeader(getTranslation("loans.settings.name")).setAutoWidth(true);
        insiders.addColumn(i -> getTranslation("loans.settings.relation." + i.relation().name()))
                .setHeader(getTranslation("loans.settings.relation")).setAutoWidth(true);
        Button mark = button("mark-insider", "loans.settings.mark", () -> setInsider(relation.getValue()), "LOAN_INSIDER_MARKED");
        Button unmark = button("unmark-insider", "loans.settings.unmark", () -> setInsider(null), "LOAN_INSIDER_UNMARKED");
        return row(insiderNumber, relation, mark, unmark);
    }

    /** Marks (or, with no relation, unmarks) the member whose number is entered; answers the audit's summary. */
    private String setInsider(@Nullable InsiderRelation as) {
        Integer number = insiderNumber.getValue();
        Member m = members.byNumber(cooperative.id(), number == null ? 0 : number)
                .orElseThrow(() -> DomainException.notFound("member.not-found", String.valueOf(number)));
        limits.setInsider(cooperative.id(), m.id(), as);
        return m.displayNumber() + " " + (as == null ? "-" : as.name());
    }

    private VerticalLayout classesForm() {
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        for (Collectibility c : Collectibility.values()) {
            IntegerField from = new IntegerField(getTranslation("loans.settings.class.from", getTranslation("loans.close.class." + c.name())));
            from.setId("class-days-" + c.name());
            from.setMin(0);
            from.setMax(CollectibilityPolicy.MAX_DAYS);
            from.setReadOnly(c == Collectibility.LANCAR); // nothing overdue is lancar: its threshold is 0 by definition
            days.put(c, from);
            BigDecimalField rate = percentField("class-rate-" + c.name(), "loans.settings.class.rate");
            rates.put(c, rate);
            form.add(row(from, rate));
        }
        form.add(button("save-classes", "loans.settings.save", this::saveClasses, "LOAN_COLLECTIBILITY_CLASSES"));
        return form;
    }

    private String saveClasses() {
        List<ClassRule> rules = new ArrayList<>();
        for (Collectibility c : Collectibility.values()) {
            Integer from = Objects.requireNonNull(days.get(c)).getValue();
            BigDecimal percent = Objects.requireNonNull(rates.get(c)).getValue();
            DomainException.require(from != null && percent != null, "loans.close.classes.invalid");
            rules.add(new ClassRule(c, from, percent.divide(HUNDRED)));
        }
        CollectibilityPolicy saved = classes.update(cooperative.id(), new CollectibilityPolicy(rules));
        return saved.rules().stream().map(r -> r.collectibility().name() + " " + r.minDaysPastDue() + "d "
                + r.provisionRate().movePointRight(2).stripTrailingZeros().toPlainString() + "%").toList().toString();
    }

    private void load() {
        LendingSettings s = limits.settings(cooperative.id());
        limit.setValue(s.limitPercent());
        insiderLimit.setValue(s.insiderLimitPercent());
        insiders.setItems(limits.insiders(cooperative.id()));
        for (ClassRule r : classes.policy(cooperative.id()).rules()) {
            Objects.requireNonNull(days.get(r.collectibility())).setValue(r.minDaysPastDue());
            Objects.requireNonNull(rates.get(r.collectibility()))
                    .setValue(r.provisionRate().movePointRight(2).stripTrailingZeros());
        }
    }

    /** A button that saves, logs what it saved (or its refusal) in the audit log and shows the settings as stored. */
    private Button button(String id, String labelKey, Supplier<String> action, String auditAction) {
        Button button = new Button(getTranslation(labelKey), e -> {
            try {
                audit.done(cooperative.id(), auditAction, action.get());
                Notifications.success(getTranslation("loans.settings.saved"));
                load();
            } catch (DomainException ex) {
                audit.refused(cooperative.id(), auditAction, ex.messageKey());
                Notifications.refused(ex);
            }
        });
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return button;
    }

    private BigDecimalField percentField(String id, String labelKey) {
        BigDecimalField field = new BigDecimalField(getTranslation(labelKey));
        field.setId(id);
        field.setSuffixComponent(new Span("%"));
        return field;
    }

    private static HorizontalLayout row(Component... parts) {
        HorizontalLayout row = new HorizontalLayout(parts);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.loans.settings") + " — Lumbung";
    }
}
