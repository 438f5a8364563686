package org.lumbung.fx.api;

import org.jspecify.annotations.Nullable;
import org.lumbung.fx.DatedRate;
import org.lumbung.fx.RecordedRate;

import java.time.LocalDate;
import java.util.List;

/** The JSON of the exchange rates API; rates are decimal strings ("3550.123456"), never JSON numbers. */
public final class FxApiModels {

    private FxApiModels() {
    }

    /** One rate: units of the cooperative's currency per one {@code currency} on {@code date}; source defaults to ENTERED. */
    public record RateInput(@Nullable String currency, @Nullable LocalDate date, @Nullable String rate, @Nullable String source) {
    }

    public record RatesRequest(@Nullable List<RateInput> rates) {
    }

    /** What recording one rate did: RECORDED, PENDING (waits for a chair's confirmation) or UNCHANGED. */
    public record RecordedResponse(long id, String currency, LocalDate date, String rate, String source, String outcome,
                                   @Nullable String previous) {

        static RecordedResponse of(RecordedRate r) {
            return new RecordedResponse(r.id(), r.currency(), r.rateDate(), r.rate().toPlainString(), r.source(),
                    r.outcome().name(), r.previous() == null ? null : r.previous().stripTrailingZeros().toPlainString());
        }
    }

    public record RecordedPage(List<RecordedResponse> rates) {
    }

    /** The rate serving a value date ({@code on}): the latest on or before it. */
    public record RateResponse(String currency, LocalDate on, LocalDate rateDate, String rate, String source, boolean stale) {

        static RateResponse of(DatedRate r, LocalDate on) {
            return new RateResponse(r.currency(), on, r.rateDate(), r.rate().toPlainString(), r.source(), r.stale());
        }
    }
}
