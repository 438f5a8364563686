package org.lumbung.sampledata;

import org.lumbung.fx.ExchangeRateService;
import org.lumbung.fx.NewRate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Daily exchange rates into rupiah for the currencies the sample's members earned in (MYR, HKD, TWD, SAR, SGD,
 * KRW, JPY, USD), every business day of the sample's two years and the month before: a random walk from a fixed
 * seed around plausible 2024–2026 levels, at most 0.4 % a day, with Bank Indonesia as the source. Weekends
 * have no rate, as in life: a Saturday's remittance takes Friday's. Recorded through the rates service before the
 * members join, so every later contributor (remittances) finds a rate for each of its days.
 */
@Component
class FxRatesSample implements SampleDataContributor {

    /**
     * A currency's starting rate (IDR per unit) as its digits and how many decimals its published rate has:
     * 339512 with 2 decimals is 3,395.12.
     */
    private record Start(String currency, long rateDigits, int decimals) {
    }

    static final List<Start> STARTS = List.of(new Start("MYR", 339_512, 2), new Start("HKD", 201_540, 2),
            new Start("TWD", 48_735, 2), new Start("SAR", 419_055, 2), new Start("SGD", 1_171_020, 2),
            new Start("KRW", 116_425, 4), new Start("JPY", 1_048_761, 4), new Start("USD", 1_573_500, 2));
    /** Largest daily move, in per mille. */
    private static final int MAX_MOVE_PER_MILLE = 4;

    private final ExchangeRateService rates;

    FxRatesSample(ExchangeRateService rates) {
        this.rates = rates;
    }

    @Override
    public int getOrder() {
        return 120;
    }

    @Override
    public void contribute(SampleData sample) {
        LocalDate until = LocalDate.parse(sample.json().get("history").get("until").asText());
        SplittableRandom random = new SplittableRandom(sample.json().get("history").get("seed").asLong());
        List<NewRate> all = new ArrayList<>();
        for (Start s : STARTS) {
            all.addAll(walk(sample, s, until.minusYears(2).minusMonths(1), until, random.split()));
        }
        rates.record(sample.cooperative().id(), all);
    }

    private static List<NewRate> walk(SampleData sample, Start s, LocalDate from, LocalDate until, SplittableRandom random) {
        List<NewRate> out = new ArrayList<>();
        BigDecimal rate = BigDecimal.valueOf(s.rateDigits(), s.decimals());
        for (LocalDate written = from; !written.isAfter(until); written = written.plusDays(1)) {
            LocalDate day = sample.date(written);
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            BigDecimal move = BigDecimal.valueOf(random.nextInt(-MAX_MOVE_PER_MILLE * 10, MAX_MOVE_PER_MILLE * 10 + 1), 4);
            rate = rate.multiply(BigDecimal.ONE.add(move), MathContext.DECIMAL64).setScale(s.decimals(), RoundingMode.HALF_EVEN);
            out.add(new NewRate(s.currency(), day, rate, "BANK_INDONESIA"));
        }
        return out;
    }
}
