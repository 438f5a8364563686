package org.lumbung.ui.loans;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.loans.Insider;
import org.lumbung.loans.InsiderRelation;
import org.lumbung.loans.LendingLimits;
import org.lumbung.loans.LendingSettings;
import org.lumbung.loans.closing.CloseSettings;
import org.lumbung.loans.closing.Collectibility;
import org.lumbung.loans.closing.CollectibilityPolicy;
import org.lumbung.members.MemberService;
import org.lumbung.security.SystemActor;
import org.lumbung.ui.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chair sets the sample cooperative's lending limits, marks an insider and changes the collectibility
 * classes on the settings screen: each change stored, checked (a falling threshold or a rate above 100 % is
 * refused and changes nothing) and written to the audit log. The treasurer cannot open the screen. The
 * sample's own settings are put back afterwards.
 */
class LoanSettingsViewTest extends KaribuTest {

    @Autowired
    CooperativeService cooperatives;
    @Autowired
    LendingLimits limits;
    @Autowired
    CloseSettings classes;
    @Autowired
    MemberService members;
    @Autowired
    DSLContext dsl;

    private long coop;
    private LendingSettings limitsBefore;
    private CollectibilityPolicy classesBefore;

    @BeforeEach
    void remember() {
        signIn("chair", Locale.ENGLISH);
        coop = cooperatives.byCode("ngrupit").id();
        limitsBefore = limits.settings(coop);
        classesBefore = classes.policy(coop);
    }

    @AfterEach
    void putBack() {
        SystemActor.run(() -> {
            limits.update(coop, limitsBefore);
            classes.update(coop, classesBefore);
            limits.setInsider(coop, members.byNumber(coop, 3).orElseThrow().id(), null);
            return null;
        });
    }

    @Test
    void theChairChangesTheLendingSettingsCheckedAndAudited() {
        UI.getCurrent().navigate(LoanSettingsView.class);
        assertThat(_get(BigDecimalField.class, spec -> spec.withId("class-rate-MACET")).getValue()).isEqualByComparingTo("100");

        _setValue(_get(BigDecimalField.class, spec -> spec.withId("limit-percent")), new BigDecimal("25"));
        _setValue(_get(BigDecimalField.class, spec -> spec.withId("insider-limit-percent")), new BigDecimal("12.5"));
        _click(_get(Button.class, spec -> spec.withId("save-limits")));
        assertThat(limits.settings(coop).limitPercent()).isEqualByComparingTo("25");
        assertThat(limits.settings(coop).insiderLimitPercent()).isEqualByComparingTo("12.5");

        _setValue(_get(IntegerField.class, spec -> spec.withId("insider-member-number")), 3);
        @SuppressWarnings("unchecked")
        Select<InsiderRelation> relation = _get(Select.class, spec -> spec.withId("insider-relation"));
        _setValue(relation, InsiderRelation.SUPERVISOR);
        _click(_get(Button.class, spec -> spec.withId("mark-insider")));
        assertThat(limits.insiders(coop)).extracting(Insider::memberNumber, Insider::relation)
                .contains(org.assertj.core.groups.Tuple.tuple(3, InsiderRelation.SUPERVISOR));
        assertThat(_get(Grid.class, spec -> spec.withId("insiders-grid")).getGenericDataView().getItems().count())
                .isEqualTo(limits.insiders(coop).size());

        // a falling threshold is refused and changes nothing
        _setValue(_get(IntegerField.class, spec -> spec.withId("class-days-DIRAGUKAN")), 60);
        _click(_get(Button.class, spec -> spec.withId("save-classes")));
        assertThat(classes.policy(coop).rule(Collectibility.DIRAGUKAN).minDaysPastDue()).isEqualTo(121);
        // so is a rate above 100 %
        _setValue(_get(IntegerField.class, spec -> spec.withId("class-days-DIRAGUKAN")), 150);
        _setValue(_get(BigDecimalField.class, spec -> spec.withId("class-rate-MACET")), new BigDecimal("120"));
        _click(_get(Button.class, spec -> spec.withId("save-classes")));
        assertThat(classes.policy(coop).rule(Collectibility.MACET).provisionRate()).isEqualByComparingTo("1");
        // the Indonesian cooperative supervisor's weights: 50 % substandard, 75 % doubtful
        _setValue(_get(BigDecimalField.class, spec -> spec.withId("class-rate-MACET")), new BigDecimal("100"));
        _setValue(_get(BigDecimalField.class, spec -> spec.withId("class-rate-KURANG_LANCAR")), new BigDecimal("50"));
        _setValue(_get(BigDecimalField.class, spec -> spec.withId("class-rate-DIRAGUKAN")), new BigDecimal("75"));
        _click(_get(Button.class, spec -> spec.withId("save-classes")));
        CollectibilityPolicy saved = classes.policy(coop);
        assertThat(saved.rule(Collectibility.DIRAGUKAN).minDaysPastDue()).isEqualTo(150);
        assertThat(saved.rule(Collectibility.KURANG_LANCAR).provisionRate()).isEqualByComparingTo("0.5");
        assertThat(saved.rule(Collectibility.DIRAGUKAN).provisionRate()).isEqualByComparingTo("0.75");

        List<String> audited = SystemActor.run(() -> dsl.fetch("select action || ' ' || outcome from audit_event "
                + "where cooperative_id = ? and action like 'LOAN_%' order by id desc limit 5", coop).getValues(0, String.class));
        assertThat(audited).containsExactly("LOAN_COLLECTIBILITY_CLASSES OK", "LOAN_COLLECTIBILITY_CLASSES REFUSED",
                "LOAN_COLLECTIBILITY_CLASSES REFUSED", "LOAN_INSIDER_MARKED OK", "LOAN_LENDING_LIMITS OK");
    }

    @Test
    void theTreasurerCannotOpenTheSettings() {
        setUpVaadinAgain();
        signIn("treasurer", Locale.ENGLISH);
        UI.getCurrent().navigate(LoanSettingsView.class);
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0)).isNotInstanceOf(LoanSettingsView.class);
    }
}
