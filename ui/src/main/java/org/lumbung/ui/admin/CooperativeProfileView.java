package org.lumbung.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeAbility;
import org.lumbung.cooperative.CooperativeProfile;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.security.Role;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.DateField;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.components.TextLimit;
import org.lumbung.ui.security.RequiresAbility;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The cooperative's profile: name, legal registration, address, district, contact, fiscal year and
 * language; code, country, base currency and chart template are shown, fixed since founding. The chair
 * and the administrator edit it (the district only the administrator); everyone else reads it.
 */
@Route("cooperative")
@RequiresAbility("READ_PROFILE")
@Menu(title = "nav.cooperative", order = 900, icon = "vaadin:home")
@MenuGroup("nav.group.admin")
public class CooperativeProfileView extends VerticalLayout implements HasDynamicTitle {

    private final Map<TextFieldBase<?, String>, Integer> limits = new LinkedHashMap<>();
    private final Map<String, TextFieldBase<?, String>> fieldOfRefusal = new HashMap<>();

    public CooperativeProfileView(CurrentCooperative current, CooperativeService cooperatives, UiAudit audit) {
        Cooperative c = current.require();
        boolean edits = current.may(CooperativeAbility.EDIT_PROFILE);
        TextField name = field("profile.name", c.name(), CooperativeProfile.MAX_NAME, "cooperative.name.invalid");
        TextField legal = field("profile.legal-number", c.legalNumber(), CooperativeProfile.MAX_LEGAL_NUMBER,
                "cooperative.legal-number.too-long");
        legal.setId("profile-legal-number");
        TextField address = field("profile.address", c.address(), CooperativeProfile.MAX_ADDRESS, "cooperative.address.too-long");
        TextField village = field("profile.village", c.village(), CooperativeProfile.MAX_PLACE, "cooperative.village.too-long");
        TextField district = field("profile.district", c.district(), CooperativeProfile.MAX_PLACE, "cooperative.district.too-long");
        TextField province = field("profile.province", c.province(), CooperativeProfile.MAX_PLACE, "cooperative.province.too-long");
        TextField phone = field("profile.phone", c.contactPhone(), CooperativeProfile.MAX_PHONE, "member.phone.invalid");
        phone.setId("profile-phone");
        EmailField email = new EmailField(getTranslation("profile.email"));
        email.setId("profile-email");
        email.setValue(c.contactEmail() == null ? "" : c.contactEmail());
        TextLimit.limit(email, CooperativeProfile.MAX_EMAIL);
        limits.put(email, CooperativeProfile.MAX_EMAIL);
        fieldOfRefusal.put("cooperative.email.too-long", email);
        fieldOfRefusal.put("cooperative.email.invalid", email);
        Select<Integer> fiscal = new Select<>();
        fiscal.setLabel(getTranslation("profile.fiscal-year"));
        fiscal.setItems(IntStream.rangeClosed(1, 12).boxed().toList());
        fiscal.setItemLabelGenerator(m -> Month.of(m).getDisplayName(TextStyle.FULL, getLocale()));
        fiscal.setValue(c.fiscalYearStart());
        Select<String> language = new Select<>();
        language.setLabel(getTranslation("profile.language"));
        language.setItems("id", "en");
        language.setItemLabelGenerator(code -> getTranslation("language." + code));
        language.setValue(c.defaultLocale());
        Select<Integer> duesDay = duesDay(c);
        DatePicker founded = new DateField(
                getTranslation("profile.founded-on"));
        founded.setId("profile-founded-on");
        founded.setValue(c.foundedOn());
        TextField fixed = new TextField(getTranslation("profile.fixed"));
        fixed.setValue("%s · %s · %s · %s".formatted(c.code(), c.country(), c.baseCurrency(), c.chartTemplate()));
        fixed.setReadOnly(true);
        FormLayout form = new FormLayout(name, legal, address, village, district, province, phone, email, fiscal, language, duesDay,
                founded, fixed);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 2));
        form.getChildren().forEach(field -> field.getElement().setProperty("readonly", !edits));
        // the district decides which district auditor sees the books: the administrator's to change
        district.setId("profile-district");
        district.setReadOnly(current.user().role() != Role.ADMIN);
        add(new H2(getTranslation("nav.cooperative")), form);
        if (edits) {
            Button save = new Button(getTranslation("action.save"), e -> save(c, audit, () -> cooperatives.updateProfile(c.id(),
                    new CooperativeProfile(name.getValue(), legal.getValue(), address.getValue(), village.getValue(),
                            district.getValue(), province.getValue(), phone.getValue(), email.getValue(), fiscal.getValue(),
                            language.getValue(), duesDay.getValue(), founded.getValue()))));
            save.setId("profile-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(save);
        }
    }

    private Select<Integer> duesDay(Cooperative c) {
        Select<Integer> duesDay = new Select<>();
        duesDay.setId("profile-dues-day");
        duesDay.setLabel(getTranslation("profile.dues-day"));
        duesDay.setItems(IntStream.rangeClosed(1, 31).boxed().toList());
        duesDay.setItemLabelGenerator(d -> d == 31 ? getTranslation("profile.dues-day.last") : getTranslation("profile.dues-day.day", d));
        duesDay.setHelperText(getTranslation("profile.dues-day.help"));
        duesDay.setValue(c.duesDay());
        return duesDay;
    }

    /**
     * Saves when every text fits; a refusal is shown on the field it is about (and as a notification when it is
     * about no one field), so the person sees what to correct.
     */
    private void save(Cooperative c, UiAudit audit, Supplier<Cooperative> update) {
        boolean fits = true;
        for (var limit : limits.entrySet()) {
            fits &= TextLimit.check(limit.getKey(), limit.getValue());
        }
        if (!fits) {
            return;
        }
        try {
            audit.done(c.id(), "UPDATE_PROFILE", update.get().name());
            Notifications.success(getTranslation("profile.saved"));
        } catch (DomainException ex) {
            TextFieldBase<?, String> field = fieldOfRefusal.get(ex.messageKey());
            if (field == null) {
                Notifications.refused(ex);
                return;
            }
            field.setErrorMessage(Messages.of(ex, getLocale()));
            field.setInvalid(true);
        }
    }

    private TextField field(String key, @Nullable String value, int max, String refusalKey) {
        TextField field = new TextField(getTranslation(key));
        field.setValue(value == null ? "" : value);
        TextLimit.limit(field, max);
        limits.put(field, max);
        fieldOfRefusal.put(refusalKey, field);
        return field;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.cooperative") + " — Lumbung";
    }
}
