package org.lumbung.ui.members;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.members.Member;
import org.lumbung.members.MemberRules;
import org.lumbung.members.MemberService;
import org.lumbung.members.MemberSignIn;
import org.lumbung.members.MemberStatus;
import org.lumbung.members.Migration;
import org.lumbung.members.MigrationSector;
import org.lumbung.members.NewMigration;
import org.lumbung.members.StatusChange;
import org.lumbung.platform.DomainException;
import org.lumbung.reports.MemberStatements;
import org.lumbung.savings.ExitService;
import org.lumbung.savings.ReceiptDocument;
import org.lumbung.savings.SavingsAbility;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.savings.SavingsKind;
import org.lumbung.savings.SavingsProduct;
import org.lumbung.savings.SavingsProducts;
import org.lumbung.savings.SavingsService;
import org.lumbung.savings.UsualAmounts;
import org.lumbung.security.UserService;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.DateField;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.components.PersonNames;
import org.lumbung.ui.components.TextLimit;
import org.lumbung.ui.components.TransactionsGrid;
import org.lumbung.ui.components.ValueAtRateText;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.reports.MemberStatementLink;
import org.lumbung.ui.security.RequiresAbility;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One member: profile, status and its history, stays abroad, savings accounts with their money
 * movements, transactions with receipts, exit and the member's own sign-in. Auditors see everything
 * without the command buttons. Another cooperative's member, or a number that does not exist, is not found.
 */
@Route("members/:memberId([0-9]{1,18})")
@RequiresAbility("READ_MEMBERS")
public class MemberView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final MemberStatements memberStatements;

    static final String PARAMETER = "memberId";

    private final PersonNames people;
    private final CurrentCooperative current;
    private final MemberService members;
    private final SavingsService savings;
    private final SavingsProducts products;
    private final ExitService exits;
    private final ReceiptDocument receipts;
    private final MemberSignIn signIn;
    private final UiAudit audit;
    private final Clock clock;
    private final UsualAmounts usual;
    private @Nullable Cooperative cooperative;
    private @Nullable Member member;
    private boolean canPost;

    public MemberView(CurrentCooperative current, MemberService members, SavingsService savings, SavingsProducts products,
                      ExitService exits, ReceiptDocument receipts, MemberSignIn signIn, UiAudit audit, Clock clock,
                      UsualAmounts usual, UserService users, MemberStatements memberStatements) {
        this.memberStatements = memberStatements;
        this.current = current;
        this.people = new PersonNames(users);
        this.usual = usual;
        this.members = members;
        this.savings = savings;
        this.products = products;
        this.exits = exits;
        this.receipts = receipts;
        this.signIn = signIn;
        this.audit = audit;
        this.clock = clock;
        setMaxWidth("80em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        cooperative = current.require();
        canPost = current.may(SavingsAbility.RECORD_SAVINGS);
        try {
            long id = Long.parseLong(event.getRouteParameters().get(PARAMETER).orElse("0"));
            member = members.member(cooperative.id(), id);
        } catch (NumberFormatException | DomainException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        build();
    }

    /** Set by {@link #beforeEnter} before anything is shown. */
    private Cooperative cooperative() {
        return Objects.requireNonNull(cooperative);
    }

    /** Set by {@link #beforeEnter} before anything is shown. */
    private Member member() {
        return Objects.requireNonNull(member);
    }

    private LocalDate today() {
        return cooperative().today(clock);
    }

    private void reload() {
        member = members.member(cooperative().id(), member().id());
        build();
    }

    private void build() {
        removeAll();
        long c = cooperative().id();
        boolean open = member().status() != MemberStatus.EXITED;
        add(head(c, open), profile());
        savingsSection(c, open);
        add(new H3(getTranslation("member.transactions")));
        TransactionsGrid transactions = new TransactionsGrid("transactions-grid", savings, receipts, people, c, member().id());
        transactions.setHeight("22em");
        add(transactions);
        add(new H3(getTranslation("member-statement.heading")),
                new MemberStatementLink(memberStatements, c, member().id(), today()));
        add(new H3(getTranslation("member.status-history")), statusHistory(c));
        migrationSection(c, open);
    }

    private FlexLayout head(long c, boolean open) {
        H2 title = new H2(member().displayNumber() + " · " + member().fullName());
        title.setId("member-title");
        title.getStyle().set("margin", "0");
        Span status = new Span(getTranslation("member.status." + member().status()));
        status.setId("member-status");
        status.getElement().getThemeList().add("badge" + (member().status() == MemberStatus.ACTIVE ? " success"
                : member().status() == MemberStatus.EXITED ? " contrast" : ""));
        // her remittances, from where and where they went: the remittance feature's screen, named by its route
        Anchor remittances = new Anchor(
                "remittances/member/" + member().id(), getTranslation("remit.member-history.link"));
        remittances.setId("member-remittances");
        FlexLayout head = row(title, status, remittances);
        if (canPost && open) {
            Button edit = button("edit-member", "member.edit", VaadinIcon.EDIT,
                    () -> new MemberDialog(members, audit, c, today(), member(), m -> reload()).open());
            Button changeStatus = button("change-status", "member.change-status", VaadinIcon.EXCHANGE, this::statusDialog);
            changeStatus.setVisible(!member().status().next().isEmpty());
            Button pin = button("member-sign-in", "member.sign-in", VaadinIcon.KEY, this::signInDialog);
            Button exit = button("exit-member", "exit.button", VaadinIcon.SIGN_OUT, () ->
                    new ExitDialog(exits, audit, c, member(), today(), this::reload).open());
            exit.addThemeVariants(ButtonVariant.LUMO_ERROR);
            head.add(edit, changeStatus, pin, exit);
        }
        return head;
    }

    private void savingsSection(long c, boolean open) {
        List<SavingsAccount> accounts = savings.accounts(c, member().id());
        Grid<SavingsAccount> accountGrid = new Grid<>();
        accountGrid.setId("accounts-grid");
        accountGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        accountGrid.setAllRowsVisible(true);
        accountGrid.addColumn(a -> a.product().name(getLocale())).setHeader(getTranslation("savings.product")).setFlexGrow(1);
        accountGrid.addColumn(SavingsAccount::number).setHeader(getTranslation("accounts.number")).setAutoWidth(true);
        accountGrid.addColumn(a -> Formats.money(a.balance(), a.currency(), getLocale())).setHeader(getTranslation("accounts.balance"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setKey("balance");
        if (accounts.stream().anyMatch(a -> !a.currency().equals(cooperative().baseCurrency()))) {
            // savings in a foreign currency: their value in the cooperative's currency at today's rate, with its date
            accountGrid.addColumn(a -> savings.valueToday(c, a).map(v -> ValueAtRateText.of(this::getTranslation, v, getLocale()))
                    .orElse("")).setHeader(getTranslation("accounts.value-today")).setAutoWidth(true).setKey("value-today");
        }
        accountGrid.addColumn(a -> a.active() ? (a.maturityOn() == null ? "" : getTranslation("accounts.matures",
                        Formats.date(a.maturityOn(), getLocale()))) : getTranslation("accounts.closed"))
                .setHeader(getTranslation("accounts.status")).setAutoWidth(true);
        if (canPost && open) {
            accountGrid.addComponentColumn(a -> actions(a, accounts)).setHeader("").setAutoWidth(true).setKey("actions");
        }
        accountGrid.setItems(accounts);
        FlexLayout savingsHead = row(new H3(getTranslation("member.savings")));
        if (canPost && member().status() == MemberStatus.ACTIVE) {
            List<SavingsProduct> timeDeposits = products.products(c).stream()
                    .filter(p -> p.kind() == SavingsKind.TIME_DEPOSIT && p.active()).toList();
            if (!timeDeposits.isEmpty()) {
                savingsHead.add(button("open-time-deposit", "time-deposit.button", VaadinIcon.PIGGY_BANK, () ->
                        new TimeDepositDialog(savings, audit, c, member(), timeDeposits, accounts.stream()
                                .filter(a -> a.active() && a.kind() == SavingsKind.VOLUNTARY).toList(), today(), this::reload).open()));
            }
        }
        add(savingsHead, accountGrid);
    }

    private Grid<StatusChange> statusHistory(long c) {
        Grid<StatusChange> history = new Grid<>();
        history.setId("status-history");
        history.addThemeVariants(GridVariant.LUMO_COMPACT);
        history.setAllRowsVisible(true);
        history.addColumn(s -> getTranslation("member.status." + s.status())).setHeader(getTranslation("members.status")).setAutoWidth(true);
        history.addColumn(s -> Formats.date(s.effectiveOn(), getLocale())).setHeader(getTranslation("member.effective")).setAutoWidth(true);
        history.addColumn(StatusChange::reason).setHeader(getTranslation("periods.reason")).setFlexGrow(2);
        history.addColumn(StatusChange::recordedBy).setHeader(getTranslation("tx.by")).setAutoWidth(true);
        history.setItems(members.statusHistory(c, member().id()));
        return history;
    }

    private void migrationSection(long c, boolean open) {
        FlexLayout migrationHead = row(new H3(getTranslation("member.migrations")));
        if (canPost && open) {
            migrationHead.add(button("add-migration", "migration.add", VaadinIcon.AIRPLANE, this::migrationDialog));
        }
        Grid<Migration> migrations = new Grid<>();
        migrations.setId("migrations-grid");
        migrations.addThemeVariants(GridVariant.LUMO_COMPACT);
        migrations.setAllRowsVisible(true);
        migrations.addColumn(m -> country(m.destinationCountry())).setHeader(getTranslation("migration.country"));
        migrations.addColumn(m -> getTranslation("migration.sector." + m.sector().name())).setHeader(getTranslation("migration.sector"));
        migrations.addColumn(m -> Formats.date(m.departedOn(), getLocale())).setHeader(getTranslation("migration.departed"));
        migrations.addColumn(m -> m.stillAbroad() ? getTranslation("migration.abroad") : Formats.date(m.returnedOn(), getLocale()))
                .setHeader(getTranslation("migration.returned"));
        if (canPost && open) {
            migrations.addComponentColumn(m -> {
                if (!m.stillAbroad()) {
                    return new Span();
                }
                Button back = new Button(getTranslation("migration.record-return"), e -> returnDialog(m));
                back.setId("return-" + m.id());
                back.addThemeVariants(ButtonVariant.LUMO_SMALL);
                return back;
            }).setAutoWidth(true);
        }
        migrations.setItems(members.migrations(c, member().id()));
        add(migrationHead, migrations);
    }

    private Component actions(SavingsAccount a, List<SavingsAccount> all) {
        FlexLayout buttons = new FlexLayout();
        buttons.getStyle().set("gap", "var(--lumo-space-xs)");
        buttons.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        if (!a.active()) {
            return buttons;
        }
        long c = cooperative().id();
        List<SavingsAccount> targets = all.stream().filter(o -> o.id() != a.id() && o.active()
                && o.kind() != SavingsKind.TIME_DEPOSIT && o.currency().equals(a.currency())).toList();
        if (a.kind() != SavingsKind.TIME_DEPOSIT) {
            buttons.add(small("deposit-" + a.id(), "movement.DEPOSIT", () -> new MovementDialog(MovementDialog.Kind.DEPOSIT,
                    savings, usual, audit, c, a, targets, today(), this::reload).open()));
        }
        if (!a.kind().equity()) {
            buttons.add(small("withdraw-" + a.id(), "movement.WITHDRAW", () -> new MovementDialog(MovementDialog.Kind.WITHDRAW,
                    savings, usual, audit, c, a, targets, today(), this::reload).open()));
        }
        if (a.kind() == SavingsKind.VOLUNTARY) {
            buttons.add(small("transfer-" + a.id(), "movement.TRANSFER", () -> new MovementDialog(MovementDialog.Kind.TRANSFER,
                    savings, usual, audit, c, a, targets, today(), this::reload).open()));
            buttons.add(small("fee-" + a.id(), "movement.FEE", () -> new MovementDialog(MovementDialog.Kind.FEE,
                    savings, usual, audit, c, a, targets, today(), this::reload).open()));
        }
        return buttons;
    }

    private Component profile() {
        FormLayout profile = new FormLayout();
        profile.setId("member-profile");
        profile.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2),
                new FormLayout.ResponsiveStep("70em", 3));
        profile.add(field("members.gender", getTranslation("gender." + member().gender())),
                field("member.field.national-id", member().nationalId() == null ? "—"
                        : getTranslation("member.id-kind." + member().nationalIdKind().name()) + " " + member().nationalId()),
                field("member.field.birth-date", member().birthDate() == null ? "—"
                        : Formats.date(member().birthDate(), getLocale())),
                field("members.village", member().village()),
                field("member.field.address", member().address()),
                field("members.phone", member().phone()),
                field("member.field.kin-name", member().nextOfKinName()),
                field("member.field.kin-phone", member().nextOfKinPhone()),
                field("member.field.language", getTranslation("language." + member().locale())),
                field("members.joined", Formats.date(member().joinedOn(), getLocale())),
                field("member.status-since", getTranslation("member.status." + member().status()) + " · "
                        + Formats.date(member().statusSince(), getLocale())));
        return profile;
    }

    private Component field(String key, @Nullable String value) {
        Span label = new Span(getTranslation(key));
        label.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Span v = new Span(value == null || value.isBlank() ? "—" : value); // text only: never markup from input
        Div d = new Div(label, new Div(v));
        return d;
    }

    private void statusDialog() {
        Dialog d = new Dialog();
        d.setId("status-dialog");
        d.setHeaderTitle(getTranslation("member.change-status"));
        Select<MemberStatus> to = new Select<>();
        to.setId("status-to");
        to.setLabel(getTranslation("member.status.new"));
        List<MemberStatus> next = member().status().next().stream().sorted(Comparator.naturalOrder()).toList();
        to.setItems(next);
        to.setItemLabelGenerator(s -> getTranslation("member.status." + s));
        if (!next.isEmpty()) {
            to.setValue(next.get(0));
        }
        DatePicker on = new DateField(getTranslation("member.effective"));
        on.setId("status-date");
        on.setValue(today());
        on.setMin(member().statusSince());
        TextArea reason = new TextArea(getTranslation("periods.reason"));
        reason.setId("status-reason");
        reason.setRequired(true);
        TextLimit.limit(reason, MemberRules.MAX_STATUS_REASON);
        reason.setWidthFull();
        VerticalLayout body = new VerticalLayout(to, on, reason);
        body.setPadding(false);
        d.add(body);
        Button save = new Button(getTranslation("action.save"), e -> {
            if (!TextLimit.check(reason, MemberRules.MAX_STATUS_REASON)) {
                return;
            }
            try {
                members.changeStatus(cooperative().id(), member().id(), to.getValue(), on.getValue(), reason.getValue());
                audit.done(cooperative().id(), "CHANGE_MEMBER_STATUS",
                        "member " + member().displayNumber() + " → " + to.getValue());
                Notifications.success(getTranslation("member.status.changed", getTranslation("member.status." + to.getValue())));
                d.close();
                reload();
            } catch (DomainException ex) {
                audit.refused(cooperative().id(), "CHANGE_MEMBER_STATUS", member().displayNumber() + ": " + ex.messageKey());
                Notifications.refused(ex);
            }
        });
        save.setId("save-status");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button(getTranslation("action.cancel"), e -> d.close()), save);
        d.open();
    }

    private void migrationDialog() {
        Dialog d = new Dialog();
        d.setId("migration-dialog");
        d.setHeaderTitle(getTranslation("migration.add"));
        ComboBox<String> country = new ComboBox<>(getTranslation("migration.country"));
        country.setId("migration-country");
        country.setItems(Arrays.stream(Locale.getISOCountries()).sorted(Comparator.comparing(this::country)).toList());
        country.setItemLabelGenerator(code -> country(code) + " (" + code + ")");
        Select<MigrationSector> sector = new Select<>();
        sector.setId("migration-sector");
        sector.setLabel(getTranslation("migration.sector"));
        sector.setItems(MigrationSector.values());
        sector.setItemLabelGenerator(s -> getTranslation("migration.sector." + s.name()));
        DatePicker departed = new DateField(getTranslation("migration.departed"));
        departed.setId("migration-departed");
        departed.setMax(today());
        DatePicker returned = new DateField(getTranslation("migration.returned"));
        returned.setId("migration-returned");
        returned.setMax(today());
        returned.setHelperText(getTranslation("migration.returned.help"));
        FormLayout form = new FormLayout(country, sector, departed, returned);
        d.add(form);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                members.addMigration(cooperative().id(), member().id(), new NewMigration(country.getValue(), sector.getValue(),
                        departed.getValue(), returned.getValue()));
                audit.done(cooperative().id(), "ADD_MIGRATION", "member " + member().displayNumber() + " " + country.getValue());
                d.close();
                reload();
            } catch (DomainException ex) {
                Notifications.refused(ex);
            }
        });
        save.setId("save-migration");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button(getTranslation("action.cancel"), e -> d.close()), save);
        d.open();
    }

    private void returnDialog(Migration m) {
        Dialog d = new Dialog();
        d.setId("return-dialog");
        d.setHeaderTitle(getTranslation("migration.record-return") + " — " + country(m.destinationCountry()));
        DatePicker on = new DateField(getTranslation("migration.returned"));
        on.setId("return-date");
        on.setValue(today());
        on.setMin(m.departedOn());
        on.setMax(today());
        d.add(on);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                members.recordReturn(cooperative().id(), m.id(), on.getValue());
                audit.done(cooperative().id(), "RECORD_RETURN",
                        "member " + member().displayNumber() + " from " + m.destinationCountry());
                d.close();
                reload();
            } catch (DomainException ex) {
                Notifications.refused(ex);
            }
        });
        save.setId("save-return");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button(getTranslation("action.cancel"), e -> d.close()), save);
        d.open();
    }

    private void signInDialog() {
        Dialog d = new Dialog();
        d.setId("sign-in-dialog");
        d.setHeaderTitle(getTranslation("member.sign-in.title", member().displayNumber()));
        d.setWidth("min(26em, 96vw)");
        Paragraph intro = new Paragraph(getTranslation("member.sign-in.intro"));
        PasswordField pin = new PasswordField(getTranslation("member.sign-in.pin"));
        pin.setId("member-pin");
        pin.setMaxLength(6);
        pin.setAllowedCharPattern("[0-9]");
        pin.setWidthFull();
        Div result = new Div();
        result.setId("member-username");
        d.add(intro, pin, result);
        Button save = new Button(getTranslation("member.sign-in.set"), e -> {
            try {
                String username = signIn.setPin(cooperative().id(), member().id(), pin.getValue());
                audit.done(cooperative().id(), "SET_MEMBER_PIN", "member " + member().displayNumber() + " as " + username);
                pin.clear();
                result.removeAll();
                Span name = new Span(username);
                name.setId("member-username-value");
                name.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-l)").set("font-weight", "600");
                result.add(new Paragraph(getTranslation("member.sign-in.username")), name);
                e.getSource().setVisible(false);
            } catch (DomainException ex) {
                audit.refused(cooperative().id(), "SET_MEMBER_PIN", member().displayNumber() + ": " + ex.messageKey());
                Notifications.refused(ex);
            }
        });
        save.setId("save-pin");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button(getTranslation("action.close"), e -> d.close()), save);
        d.open();
    }

    private String country(String code) {
        String name = new Locale("", code).getDisplayCountry(getLocale());
        return name == null || name.isBlank() ? code : name;
    }

    private FlexLayout row(Component... components) {
        FlexLayout row = new FlexLayout(components);
        row.setWidthFull();
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.getStyle().set("gap", "var(--lumo-space-s)");
        if (components.length > 0) {
            row.setFlexGrow(1, components[0]);
        }
        return row;
    }

    private Button button(String id, String key, VaadinIcon icon, Runnable action) {
        Button b = new Button(getTranslation(key), icon.create(), e -> action.run());
        b.setId(id);
        return b;
    }

    private Button small(String id, String key, Runnable action) {
        Button b = new Button(getTranslation(key), e -> action.run());
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }

    @Override
    public String getPageTitle() {
        return (member == null ? getTranslation("nav.members") : member.displayNumber() + " " + member.fullName()) + " — Lumbung";
    }
}
