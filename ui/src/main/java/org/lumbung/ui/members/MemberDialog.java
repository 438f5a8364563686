package org.lumbung.ui.members;

import org.lumbung.ui.components.DateField;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import org.lumbung.members.Member;
import org.lumbung.members.MemberRules;
import org.lumbung.members.MemberService;
import org.lumbung.members.MemberStatus;
import org.lumbung.members.NationalIdKind;
import org.lumbung.members.NewMember;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.components.TextLimit;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Registers a member (every field of the registry) or, given a member, corrects their profile. A refusal
 * is shown translated, on the field it is about when there is one.
 */
class MemberDialog extends Dialog {

    private final TextField fullName = new TextField();
    private final Select<String> gender = new Select<>();
    private final Select<NationalIdKind> idKind = new Select<>();
    private final TextField nationalId = new TextField();
    private final DatePicker birthDate = new DateField();
    private final TextField village = new TextField();
    private final TextArea address = new TextArea();
    private final TextField phone = new TextField();
    private final TextField kinName = new TextField();
    private final TextField kinPhone = new TextField();
    private final Select<String> language = new Select<>();
    private final DatePicker joinedOn = new DateField();
    private final Select<MemberStatus> initialStatus = new Select<>();
    private final Map<TextField, Integer> limits = new LinkedHashMap<>();

    MemberDialog(MemberService members, UiAudit audit, long cooperativeId, LocalDate today, @Nullable Member existing,
                 Consumer<Member> saved) {
        setHeaderTitle(existing == null ? getTranslation("member.new.title")
                : getTranslation("member.edit.title", existing.displayNumber()));
        setWidth("min(48em, 96vw)");
        setId("member-dialog");
        describeFields(today);

        FormLayout form = new FormLayout(fullName, gender, idKind, nationalId, birthDate, village, phone, language,
                kinName, kinPhone, address, joinedOn, initialStatus);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        form.setColspan(fullName, 2);
        form.setColspan(address, 2);
        add(form);
        if (existing != null) {
            show(existing);
        }

        Button save = new Button(getTranslation("action.save"), e -> {
            clearErrors();
            if (!eachFieldFits()) {
                return;
            }
            try {
                Member result = existing == null ? members.register(cooperativeId, member())
                        : members.updateProfile(cooperativeId, existing.id(), member());
                audit.done(cooperativeId, existing == null ? "REGISTER_MEMBER" : "UPDATE_MEMBER",
                        "member " + result.displayNumber());
                Notifications.success(getTranslation(existing == null ? "member.registered" : "member.updated",
                        result.displayNumber(), result.fullName()));
                close();
                saved.accept(result);
            } catch (DomainException ex) {
                audit.refused(cooperativeId, existing == null ? "REGISTER_MEMBER" : "UPDATE_MEMBER", ex.messageKey());
                showOnField(ex);
                Notifications.refused(ex);
            }
        });
        save.setId("save-member");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, save);
    }

    private void describeFields(LocalDate today) {
        field(fullName, "member-name", "member.field.name", MemberRules.MAX_NAME);
        fullName.setRequired(true);
        gender.setId("member-gender");
        gender.setLabel(getTranslation("members.gender"));
        gender.setItems("F", "M");
        gender.setItemLabelGenerator(g -> getTranslation("gender." + g));
        idKind.setId("member-id-kind");
        idKind.setLabel(getTranslation("member.field.id-kind"));
        idKind.setItems(NationalIdKind.values());
        idKind.setItemLabelGenerator(k -> getTranslation("member.id-kind." + k.name()));
        idKind.setValue(NationalIdKind.NIK);
        idKind.addValueChangeListener(e -> nationalId.setEnabled(e.getValue() != NationalIdKind.NONE));
        field(nationalId, "member-national-id", "member.field.national-id", 32);
        nationalId.setAllowedCharPattern("[0-9A-Za-z./-]");
        birthDate.setId("member-birth-date");
        birthDate.setLabel(getTranslation("member.field.birth-date"));
        birthDate.setMax(today);
        field(village, "member-village", "members.village", MemberRules.MAX_VILLAGE);
        address.setId("member-address");
        address.setLabel(getTranslation("member.field.address"));
        TextLimit.limit(address, MemberRules.MAX_ADDRESS);
        field(phone, "member-phone", "members.phone", 31);
        phone.setAllowedCharPattern("[0-9 +-]");
        field(kinName, "member-kin-name", "member.field.kin-name", MemberRules.MAX_NAME);
        field(kinPhone, "member-kin-phone", "member.field.kin-phone", 31);
        kinPhone.setAllowedCharPattern("[0-9 +-]");
        describeLanguageAndJoining(today);
    }

    private void describeLanguageAndJoining(LocalDate today) {
        language.setId("member-language");
        language.setLabel(getTranslation("member.field.language"));
        language.setItems("id", "en");
        language.setItemLabelGenerator(code -> getTranslation("language." + code));
        language.setValue("id");
        joinedOn.setId("member-joined");
        joinedOn.setLabel(getTranslation("members.joined"));
        joinedOn.setValue(today);
        joinedOn.setMax(today);
        initialStatus.setId("member-initial-status");
        initialStatus.setLabel(getTranslation("member.field.initial-status"));
        initialStatus.setItems(MemberStatus.APPLICANT, MemberStatus.ACTIVE);
        initialStatus.setItemLabelGenerator(s -> getTranslation("member.status." + s));
        initialStatus.setValue(MemberStatus.ACTIVE);
    }

    private void show(Member existing) {
        fullName.setValue(existing.fullName());
        gender.setValue(existing.gender());
        idKind.setValue(existing.nationalIdKind());
        nationalId.setValue(existing.nationalId() == null ? "" : existing.nationalId());
        nationalId.setEnabled(existing.nationalIdKind() != NationalIdKind.NONE);
        birthDate.setValue(existing.birthDate());
        village.setValue(nonNull(existing.village()));
        address.setValue(nonNull(existing.address()));
        phone.setValue(nonNull(existing.phone()));
        kinName.setValue(nonNull(existing.nextOfKinName()));
        kinPhone.setValue(nonNull(existing.nextOfKinPhone()));
        language.setValue("en".equals(existing.locale()) ? "en" : "id");
        joinedOn.setValue(existing.joinedOn());
        joinedOn.setEnabled(false);
        initialStatus.setValue(existing.status() == MemberStatus.APPLICANT ? MemberStatus.APPLICANT : MemberStatus.ACTIVE);
        initialStatus.setVisible(false);
    }

    private NewMember member() {
        return new NewMember(fullName.getValue().strip(), gender.getValue(), idKind.getValue(),
                idKind.getValue() == NationalIdKind.NONE || nationalId.getValue().isBlank() ? null : nationalId.getValue().strip(),
                birthDate.getValue(), blank(village.getValue()), blank(address.getValue()), blank(phone.getValue()),
                blank(kinName.getValue()), blank(kinPhone.getValue()), language.getValue(), joinedOn.getValue(),
                initialStatus.getValue());
    }

    private void field(TextField f, String id, String labelKey, int max) {
        f.setId(id);
        f.setLabel(getTranslation(labelKey));
        limits.put(f, max);
        TextLimit.limit(f, max);
    }

    /**
     * Each field's own check before anything is sent: too long (with the limit and the length typed) or
     * required and empty, said on the field. The service checks the same again and refuses, never cuts.
     */
    private boolean eachFieldFits() {
        boolean fits = TextLimit.check(address, MemberRules.MAX_ADDRESS);
        for (var f : limits.entrySet()) {
            fits &= TextLimit.check(f.getKey(), f.getValue());
        }
        if (fullName.getValue().isBlank()) {
            fullName.setErrorMessage(getTranslation("member.name.missing"));
        }
        if (gender.getValue() == null) {
            gender.setErrorMessage(getTranslation("member.gender.invalid"));
            gender.setInvalid(true);
            fits = false;
        }
        return fits;
    }

    private void clearErrors() {
        for (HasValidation f : List.<HasValidation>of(fullName, gender, nationalId, birthDate, phone, kinPhone, joinedOn,
                village, address, kinName)) {
            f.setInvalid(false);
        }
    }

    /** Marks the field a refusal is about, with the translated reason. */
    private void showOnField(DomainException e) {
        String key = e.messageKey();
        HasValidation f = key.startsWith("member.name") ? fullName
                : key.startsWith("member.gender") ? gender
                : key.startsWith("member.nik") || key.startsWith("member.national-id") ? nationalId
                : key.startsWith("member.birth-date") ? birthDate
                : key.startsWith("member.joined") ? joinedOn
                : key.startsWith("member.phone") ? phone
                : key.startsWith("member.kin-phone") ? kinPhone
                : key.startsWith("member.village") ? village
                : key.startsWith("member.address") ? address
                : key.startsWith("member.kin-name") ? kinName
                : null;
        if (f != null) {
            f.setErrorMessage(Messages.of(e, getLocale()));
            f.setInvalid(true);
        }
    }

    private static @Nullable String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nonNull(@Nullable String s) {
        return s == null ? "" : s;
    }
}
