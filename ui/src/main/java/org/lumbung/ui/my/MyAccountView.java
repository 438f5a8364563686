package org.lumbung.ui.my;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.members.MemberStatus;
import org.lumbung.platform.DomainException;
import org.lumbung.savings.DuesRule;
import org.lumbung.savings.ReceiptDocument;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.savings.SavingsKind;
import org.lumbung.savings.SavingsProducts;
import org.lumbung.savings.SavingsService;
import org.lumbung.security.UserAccount;
import org.lumbung.security.UserService;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.StartPage;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.FigureCard;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.components.ValueAtRateText;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.i18n.LanguageSwitch;
import org.lumbung.ui.security.RequiresAbility;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A member's own page, made for a phone first: their balances as big figures, the next mandatory
 * saving, their statement (with receipts), a PIN change and the language. Only the signed-in member's
 * records: the services answer not-found for anyone else's.
 */
@Route("my")
@RequiresAbility("READ_OWN_SAVINGS")
@Menu(title = "nav.my", order = 10, icon = "vaadin:piggy-bank")
@StartPage
public class MyAccountView extends VerticalLayout implements HasDynamicTitle {

    private final LanguageSwitch languageSwitch;

    /**
     * A member's own page, made for a 360 px phone, as sections one under another (who, savings, statement,
     * settings), with every feature's {@link MyPageSection} (loans, remittances, purchases) between her balances and
     * her statement, so that a feature adds its part without reshaping the page.
     */
    public MyAccountView(CurrentCooperative current, MemberService members, SavingsService savings, SavingsProducts products,
                         ReceiptDocument receipts, UserService users, UiAudit audit, Clock clock, LanguageSwitch languageSwitch,
                         List<MyPageSection> sections) {
        this.languageSwitch = languageSwitch;
        setPadding(true);
        setMaxWidth("42em");
        getStyle().set("margin", "0 auto").set("box-sizing", "border-box");
        UserAccount user = current.user();
        Cooperative c = current.require();
        if (user.memberId() == null) {
            add(new Paragraph(getTranslation("my.no-member")));
            return;
        }
        Member me = members.member(c.id(), user.memberId());
        H2 title = new H2(me.fullName());
        title.setId("my-name");
        title.getStyle().set("margin", "0").set("overflow-wrap", "anywhere");
        Span number = new Span(getTranslation("my.member-number", me.displayNumber()) + " · "
                + getTranslation("member.status." + me.status()));
        number.setId("my-number");
        number.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(title, number);

        List<SavingsAccount> accounts = savings.accounts(c.id(), me.id());
        add(balances(savings, c.id(), accounts));
        if (me.status() != MemberStatus.EXITED) {
            nextMandatorySaving(me, accounts, products, c, clock);
        }
        sections.stream().sorted(Comparator.comparingInt(MyPageSection::order)).forEach(s -> add(s.section(c, me)));
        add(section("my-statement-section", "my.statement", new StatementCards(savings, receipts, c.id(), me.id(), accounts)));
        add(pin(users, audit, c, user), language());
    }

    private Section section(String id, String titleKey, Component content) {
        H3 heading = new H3(getTranslation(titleKey));
        heading.getStyle().set("margin", "var(--lumo-space-m) 0 var(--lumo-space-s)");
        Section section = new Section(heading, content);
        section.setId(id);
        section.setWidthFull();
        return section;
    }

    private Div balances(SavingsService savings, long cooperativeId, List<SavingsAccount> accounts) {
        Div figures = new Div();
        figures.setId("my-balances");
        figures.setWidthFull();
        figures.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fill, minmax(min(14em, 100%), 1fr))")
                .set("gap", "var(--lumo-space-s)");
        for (SavingsAccount a : accounts) {
            if (!a.active() && a.balance().signum() == 0) {
                continue;
            }
            String note = a.number() + (a.maturityOn() == null ? "" : " · " + getTranslation("accounts.matures",
                    Formats.date(a.maturityOn(), getLocale())))
                    // ringgit savings: also their value in rupiah at today's rate, with the rate's date
                    + savings.valueToday(cooperativeId, a).map(v -> " · " + ValueAtRateText.of(this::getTranslation, v, getLocale()))
                    .orElse("");
            figures.add(new FigureCard("my-balance-" + a.id(), a.product().name(getLocale()),
                    Formats.money(a.balance(), a.currency(), getLocale()), note));
        }
        return figures;
    }

    /**
     * The next mandatory saving by the cooperative's one rule ({@link DuesRule}, the same the dues arrears list
     * uses): the due day of the first month the member's payments do not cover yet; a past day is said as late.
     */
    private void nextMandatorySaving(Member me, List<SavingsAccount> accounts, SavingsProducts products, Cooperative c, Clock clock) {
        accounts.stream().filter(a -> a.active() && a.kind() == SavingsKind.MANDATORY).findFirst()
                .ifPresent(a -> products.products(c.id()).stream().filter(p -> p.id() == a.product().id()).findFirst()
                        .filter(p -> p.mandatoryAmount() != null && p.mandatoryAmount().signum() > 0)
                        .ifPresent(p -> {
                            BigDecimal mandatory = Objects.requireNonNull(p.mandatoryAmount(), "filtered above");
                            LocalDate next = new DuesRule(c.duesDay()).nextDueDate(me.joinedOn(), a.balance().max(BigDecimal.ZERO),
                                    mandatory);
                            boolean late = next.isBefore(c.today(clock));
                            Paragraph due = new Paragraph(getTranslation(late ? "my.next-due.late" : "my.next-due",
                                    Formats.money(mandatory, p.currency(), getLocale()), Formats.date(next, getLocale())));
                            due.setId("my-next-due");
                            add(due);
                        }));
    }

    private Details pin(UserService users, UiAudit audit, Cooperative c, UserAccount user) {
        PasswordField currentPin = pinField("my-current-pin", "my.pin.current");
        PasswordField newPin = pinField("my-new-pin", "my.pin.new");
        PasswordField repeat = pinField("my-repeat-pin", "my.pin.repeat");
        Button change = new Button(getTranslation("my.pin.change"), e -> {
            if (!newPin.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage(getTranslation("setup.repeat.differs"));
                repeat.setInvalid(true);
                return;
            }
            repeat.setInvalid(false);
            try {
                users.changeOwnPin(currentPin.getValue(), newPin.getValue());
                audit.done(c.id(), "CHANGE_OWN_PIN", user.username());
                Notifications.success(getTranslation("my.pin.changed"));
                currentPin.clear();
                newPin.clear();
                repeat.clear();
            } catch (DomainException ex) {
                audit.refused(c.id(), "CHANGE_OWN_PIN", user.username() + ": " + ex.messageKey());
                Notifications.refused(ex);
            }
        });
        change.setId("my-change-pin");
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        change.setWidthFull();
        VerticalLayout pinForm = new VerticalLayout(currentPin, newPin, repeat, change);
        pinForm.setPadding(false);
        Details pin = new Details(getTranslation("my.pin.title"), pinForm);
        pin.setId("my-pin");
        pin.setWidthFull();
        return pin;
    }

    private Select<String> language() {
        Select<String> language = new Select<>();
        language.setId("my-language");
        language.setLabel(getTranslation("member.field.language"));
        language.setItems("id", "en");
        language.setItemLabelGenerator(code -> getTranslation("language." + code));
        language.setValue("id".equals(getLocale().getLanguage()) ? "id" : "en");
        language.setWidthFull();
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                languageSwitch.change(e.getValue());
            }
        });
        return language;
    }

    private PasswordField pinField(String id, String key) {
        PasswordField f = new PasswordField(getTranslation(key));
        f.setId(id);
        f.setMaxLength(6);
        f.setAllowedCharPattern("[0-9]");
        f.setWidthFull();
        return f;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.my") + " — Lumbung";
    }
}
