package org.lumbung.ui.fx;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.fx.ExchangeRateService;
import org.lumbung.fx.RateRow;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.security.SystemActor;
import org.lumbung.ui.KaribuTest;
import org.lumbung.ui.i18n.Rates;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class RatesViewTest extends KaribuTest {

    @Autowired
    CooperativeService cooperatives;
    @Autowired
    ExchangeRateService rates;

    @Test
    @SuppressWarnings("unchecked")
    void theSamplesRatesShowAsAGridAndAChartAndAnEnteredOutlierWaitsForTheChair() {
        signIn("treasurer");
        UI.getCurrent().navigate(RatesView.class);
        ComboBox<String> currency = _get(ComboBox.class, spec -> spec.withId("rates-currency"));
        assertThat(currency.getListDataView().getItems()).contains("MYR", "HKD", "TWD", "SAR", "SGD", "KRW", "JPY", "USD");
        _setValue(currency, "KRW");
        Grid<RateRow> grid = _get(Grid.class, spec -> spec.withId("rates-grid"));
        assertThat(grid.getListDataView().getItemCount()).isGreaterThan(200);
        assertThat(grid.getListDataView().getItems()).allMatch(r -> r.currency().equals("KRW"));
        assertThat(_find(Div.class, spec -> spec.withId("rates-chart"))).hasSize(1);
        assertThat(_find(Grid.class, spec -> spec.withId("rates-pending"))).as("a treasurer does not decide").isEmpty();

        // a Sunday: the sample records rates Monday to Friday, so the day is free for an entered rate
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Jakarta")).with(java.time.temporal.TemporalAdjusters.previous(java.time.DayOfWeek.SUNDAY));
        _setValue(_get(TextField.class, spec -> spec.withId("rates-entry-currency")), "sgd");
        _setValue(_get(DatePicker.class, spec -> spec.withId("rates-entry-date")), day);
        _setValue(_get(TextField.class, spec -> spec.withId("rates-entry-rate")), "99999.5");
        _click(_get(Button.class, spec -> spec.withId("rates-entry-save")));
        long coop = cooperatives.byCode("ngrupit").id();
        assertThat(SystemActor.run(() -> rates.pending(coop))).anySatisfy(r -> {
            assertThat(r.currency()).isEqualTo("SGD");
            assertThat(r.enteredBy()).isEqualTo("treasurer");
        });

        setUpVaadinAgain();
        signIn("chair");
        UI.getCurrent().navigate(RatesView.class);
        Grid<RateRow> pending = _get(Grid.class, spec -> spec.withId("rates-pending"));
        RateRow waiting = pending.getListDataView().getItems().filter(r -> r.currency().equals("SGD")).findFirst().orElseThrow();
        assertThat(waiting.rate()).isEqualByComparingTo("99999.5");
    }

    @Test
    void aRateTypedOnAnIndonesianScreenIsReadAsIndonesiansWriteIt() {
        signIn("treasurer", Messages.INDONESIAN);
        long coop = cooperatives.byCode("ngrupit").id();
        LocalDate saturday = LocalDate.now(ZoneId.of("Asia/Jakarta")).with(TemporalAdjusters.previous(DayOfWeek.SATURDAY));
        BigDecimal friday = SystemActor.run(() -> rates.rateOn(coop, "SAR", saturday.minusDays(1))).orElseThrow().rate();
        UI.getCurrent().navigate(RatesView.class);
        _setValue(_get(TextField.class, spec -> spec.withId("rates-entry-currency")), "sar");
        _setValue(_get(DatePicker.class, spec -> spec.withId("rates-entry-date")), saturday);
        // a point where an Indonesian groups cannot be a decimal point: refused, not read a hundred times too large
        _setValue(_get(TextField.class, spec -> spec.withId("rates-entry-rate")), friday.setScale(2, RoundingMode.DOWN).toPlainString());
        _click(_get(Button.class, spec -> spec.withId("rates-entry-save")));
        assertThat(SystemActor.run(() -> rates.rateOn(coop, "SAR", saturday))).hasValueSatisfying(
                r -> assertThat(r.rateDate()).isNotEqualTo(saturday));
        // Friday's rate written the Indonesian way (3.550,12) is Friday's rate
        _setValue(_get(TextField.class, spec -> spec.withId("rates-entry-rate")), Rates.format(friday, Messages.INDONESIAN));
        _click(_get(Button.class, spec -> spec.withId("rates-entry-save")));
        assertThat(SystemActor.run(() -> rates.rateOn(coop, "SAR", saturday)).orElseThrow().rate()).isEqualByComparingTo(friday);
    }

    @Test
    void aRateSheetIsCheckedBeforeItIsImported() {
        signIn("treasurer");
        UI.getCurrent().navigate(RatesView.class);
        RateImportPanel panel = _get(RateImportPanel.class);
        assertThat(_find(Upload.class, spec -> spec.withId("rates-upload"))).hasSize(1);
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Jakarta")).minusDays(40);
        panel.received(("currency;date;rate\nTHB;" + day + ";481.25\nTHB;" + day.plusDays(1) + ";4,8\n").getBytes(StandardCharsets.UTF_8));
        Button importButton = _get(Button.class, spec -> spec.withId("rates-import"));
        _click(_get(Button.class, spec -> spec.withId("rates-check")));
        assertThat(importButton.isEnabled()).isFalse();
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("rates-import-summary")).getText())
                .contains("2 rows, 1 with errors");

        panel.received(("currency;date;rate\nTHB;" + day + ";481.25\n").getBytes(StandardCharsets.UTF_8));
        _click(_get(Button.class, spec -> spec.withId("rates-check")));
        assertThat(importButton.isEnabled()).isTrue();
        long coop = cooperatives.byCode("ngrupit").id();
        assertThat(SystemActor.run(() -> rates.rateOn(coop, "THB", day))).isEmpty();
        _click(importButton);
        assertThat(SystemActor.run(() -> rates.rateOn(coop, "THB", day)).orElseThrow().source()).isEqualTo("IMPORTED");
    }
}
