package org.lumbung.fx.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.fx.ExchangeRateService;
import org.lumbung.fx.FxAbility;
import org.lumbung.fx.NewRate;
import org.lumbung.fx.api.FxApiModels.RateInput;
import org.lumbung.fx.api.FxApiModels.RateResponse;
import org.lumbung.fx.api.FxApiModels.RatesRequest;
import org.lumbung.fx.api.FxApiModels.RecordedPage;
import org.lumbung.fx.api.FxApiModels.RecordedResponse;
import org.lumbung.platform.DomainException;
import org.lumbung.security.AccessPolicy;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * A cooperative's dated exchange rates for integrations: record a central bank's or an operator's rates, and
 * look up the rate that serves a value date (the latest on or before it; a 404 problem when there is none).
 */
@RestController
@RequestMapping("/api/v1/cooperatives/{code}/exchange-rates")
@Tag(name = "Exchange rates", description = "Dated exchange rates into the cooperative's currency")
public class FxApiController {

    private static final int MAX_TEXT = 32;

    private final CooperativeService cooperatives;
    private final AccessPolicy access;
    private final ExchangeRateService rates;
    private final Clock clock;

    public FxApiController(CooperativeService cooperatives, AccessPolicy access, ExchangeRateService rates, Clock clock) {
        this.cooperatives = cooperatives;
        this.access = access;
        this.rates = rates;
        this.clock = clock;
    }

    @Operation(summary = "Record rates; 201 with what each one did",
            description = "Each rate: currency (ISO 4217), date, rate (units of the cooperative's currency per one unit, up to "
                    + "8 decimals, as a string), source (e.g. BANK_INDONESIA; default ENTERED). All or nothing, at most 10,000. "
                    + "A rate more than the cooperative's outlier percentage from the last known one is PENDING until a chair "
                    + "confirms it; the same rate for a recorded day again is UNCHANGED; another rate for it a 422 problem.")
    @PostMapping
    public ResponseEntity<RecordedPage> record(@PathVariable String code, @RequestBody @Nullable RatesRequest body) {
        Cooperative c = cooperatives.byCode(code);
        access.require(c.id(), FxAbility.RECORD_RATES);
        DomainException.require(body != null && body.rates() != null, "api.body.missing");
        DomainException.require(body.rates().size() <= ExchangeRateService.MAX_BATCH, "fx.rate.batch.size", ExchangeRateService.MAX_BATCH);
        List<NewRate> input = body.rates().stream().map(FxApiController::rate).toList();
        List<RecordedResponse> recorded = rates.record(c.id(), input).stream().map(RecordedResponse::of).toList();
        return ResponseEntity.status(HttpStatus.CREATED).body(new RecordedPage(recorded));
    }

    @Operation(summary = "The rate of a currency serving a value date (default today): the latest on or before it",
            description = "stale is true when that rate is older than the cooperative's staleness limit; 404 problem "
                    + "fx.rate.none when no rate exists on or before the date.")
    @GetMapping
    public RateResponse rateOn(@PathVariable String code, @RequestParam String currency,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on) {
        Cooperative c = cooperatives.byCode(code);
        access.require(c.id(), FxAbility.READ_RATES);
        DomainException.require(currency.length() <= MAX_TEXT, "money.currency.unknown", ExchangeRateService.shortened(currency));
        LocalDate day = on == null ? c.today(clock) : on;
        return rates.rateOn(c.id(), currency, day).map(r -> RateResponse.of(r, day))
                .orElseThrow(() -> DomainException.notFound("fx.rate.none", currency, day.toString()));
    }

    private static NewRate rate(@Nullable RateInput r) {
        DomainException.require(r != null, "fx.rate.missing");
        return new NewRate(r.currency(), r.date(), ExchangeRateService.parseRate(r.rate()), r.source() == null ? "ENTERED" : r.source());
    }
}
