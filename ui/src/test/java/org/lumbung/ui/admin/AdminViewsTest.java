package org.lumbung.ui.admin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.security.Role;
import org.lumbung.security.SystemActor;
import org.lumbung.security.UserAccount;
import org.lumbung.security.UserService;
import org.lumbung.ui.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** Users and the cooperative profile: who may change what. */
class AdminViewsTest extends KaribuTest {

    @Autowired
    UserService users;
    @Autowired
    CooperativeService cooperatives;
    @Autowired
    org.lumbung.security.ApiTokens tokens;

    @Test
    @SuppressWarnings("unchecked")
    void theChairGivesATreasurerASignInOfTheirOwnCooperative() {
        signIn("chair");
        UI.getCurrent().navigate(UsersView.class);
        Grid<org.lumbung.security.StaffSignIn> grid = _get(Grid.class, spec -> spec.withId("users-grid"));
        int before = _size(grid);
        _setValue(_get(TextField.class, spec -> spec.withId("user-username")), "bendahara.dua");
        _setValue(_get(TextField.class, spec -> spec.withId("user-full-name")), "Ibu Lestari");
        _setValue(_get(PasswordField.class, spec -> spec.withId("user-password")), "padi menguning di sawah");
        _click(_get(Button.class, spec -> spec.withId("user-create")));
        assertThat(_size(grid)).isEqualTo(before + 1);
        UserAccount created = users.loadUserByUsername("bendahara.dua").account();
        assertThat(created.role()).isEqualTo(Role.TREASURER);
        assertThat(created.cooperativeId()).isEqualTo(cooperatives.byCode("ngrupit").id());
        // a chair cannot make an administrator: the role is not offered
        Select<Role> role = _get(Select.class, spec -> spec.withId("user-role"));
        assertThat(role.getListDataView().getItems()).containsExactly(Role.TREASURER, Role.CHAIR);
    }

    @Test
    void theChairEditsTheProfile() {
        signIn("chair");
        UI.getCurrent().navigate(CooperativeProfileView.class);
        TextField legal = _get(TextField.class, spec -> spec.withId("profile-legal-number"));
        _setValue(legal, "AHU-0009999.AH.01.26.TAHUN 2026");
        _click(_get(Button.class, spec -> spec.withId("profile-save")));
        assertThat(SystemActor.run(() -> cooperatives.byCode("ngrupit").legalNumber())).isEqualTo("AHU-0009999.AH.01.26.TAHUN 2026");
    }

    @Test
    void eachProfileFieldSaysWhatIsWrongAndNothingIsCutOrSaved() {
        signIn("chair");
        UI.getCurrent().navigate(CooperativeProfileView.class);
        String legalBefore = SystemActor.run(() -> cooperatives.byCode("ngrupit").legalNumber());
        EmailField email = _get(EmailField.class, spec -> spec.withId("profile-email"));
        _setValue(_get(TextField.class, spec -> spec.withId("profile-legal-number")), "AHU-CHANGED");
        _setValue(email, "k".repeat(190) + "@ngrupit.id");
        _click(_get(Button.class, spec -> spec.withId("profile-save")));
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("At most 120 characters; this text has 201.");
        assertThat(email.getValue()).as("not cut").hasSize(201);

        _setValue(email, "bendahara-at-ngrupit");
        _click(_get(Button.class, spec -> spec.withId("profile-save")));
        assertThat(email.getErrorMessage()).isEqualTo("bendahara-at-ngrupit is not an e-mail address.");

        _setValue(email, "bendahara@ngrupit.id");
        TextField phone = _get(TextField.class, spec -> spec.withId("profile-phone"));
        _setValue(phone, "call me");
        _click(_get(Button.class, spec -> spec.withId("profile-save")));
        assertThat(phone.isInvalid()).isTrue();
        assertThat(phone.getErrorMessage()).contains("call me");
        assertThat(SystemActor.run(() -> cooperatives.byCode("ngrupit").legalNumber())).isEqualTo(legalBefore);
    }

    @Test
    void aTokenNameOverItsLimitIsNamedNotCutAndNoTokenIsMade() {
        signIn("admin");
        UI.getCurrent().navigate(ApiTokensView.class);
        int before = tokens.list().size();
        TextField name = _get(TextField.class, spec -> spec.withId("token-name"));
        _setValue(name, "remittance operator ".repeat(8));
        _click(_get(Button.class, spec -> spec.withId("token-create")));
        assertThat(name.getErrorMessage()).isEqualTo("At most 100 characters; this text has 159.");
        assertThat(name.getValue()).as("not cut").hasSize(160);
        assertThat(tokens.list()).hasSize(before);
    }

    @Test
    void onlyTheAdministratorEditsTheDistrict() {
        signIn("chair");
        UI.getCurrent().navigate(CooperativeProfileView.class);
        assertThat(_get(TextField.class, spec -> spec.withId("profile-district")).isReadOnly()).as("the chair's district").isTrue();
        assertThat(_get(TextField.class, spec -> spec.withId("profile-legal-number")).isReadOnly()).isFalse();
        setUpVaadinAgain();
        signIn("admin");
        UI.getCurrent().navigate(CooperativeProfileView.class);
        assertThat(_get(TextField.class, spec -> spec.withId("profile-district")).isReadOnly()).isFalse();
    }

    @Test
    void theTreasurerOnlyReadsTheProfile() {
        signIn("treasurer");
        UI.getCurrent().navigate(CooperativeProfileView.class);
        assertThat(_find(Button.class, spec -> spec.withId("profile-save"))).isEmpty();
    }

    @Test
    void theAdministratorFoundsACooperativeThatItsDistrictAuditorThenSees() {
        signIn("admin");
        UI.getCurrent().navigate(CooperativesView.class);
        _setValue(_get(TextField.class, spec -> spec.withId("cooperative-code")), "sumbersari");
        _setValue(_get(TextField.class, spec -> spec.withId("cooperative-name")), "KSP Sumber Sari");
        _setValue(_get(TextField.class, spec -> spec.withId("cooperative-district")), "Kabupaten Ponorogo");
        _click(_get(Button.class, spec -> spec.withId("cooperative-create")));
        long created = SystemActor.run(() -> cooperatives.byCode("sumbersari").id());
        assertThat(users.loadUserByUsername("auditor").account().districtCooperatives()).contains(created);
        _setValue(_get(TextField.class, spec -> spec.withId("cooperative-code")), "Not A Code!");
        _click(_get(Button.class, spec -> spec.withId("cooperative-create")));
        assertThat(SystemActor.run(() -> cooperatives.findByCode("Not A Code!"))).isEmpty();
    }
}
