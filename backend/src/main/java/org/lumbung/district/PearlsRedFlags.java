package org.lumbung.district;

import org.lumbung.reports.Pearls;
import org.lumbung.reports.PearlsRatio;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The district console's red flags from the reports' PEARLS ratios: every ratio of a cooperative outside both its target and its tolerated
 * band (a red light) as of the day, with the ratio's code, its value and its target. Each cooperative's ratios come
 * from its maintained ledger totals and its last close of business ({@link Pearls#at}), a handful of indexed
 * queries each.
 */
@Component
class PearlsRedFlags implements RedFlagSource {

    static final String TITLE = "district.flags.pearls";
    static final String FLAG = "district.flag.pearls";

    private final Pearls pearls;

    PearlsRedFlags(Pearls pearls) {
        this.pearls = pearls;
    }

    @Override
    public String titleKey() {
        return TITLE;
    }

    @Override
    public Map<Long, List<RedFlag>> flags(Set<Long> cooperativeIds, LocalDate asOf) {
        Map<Long, List<RedFlag>> flags = new HashMap<>();
        for (long id : cooperativeIds) {
            List<RedFlag> red = red(pearls.at(id, asOf));
            if (!red.isEmpty()) {
                flags.put(id, red);
            }
        }
        return flags;
    }

    /** The month's red ratios in the order of PEARLS (P, E, A, R, L, S). */
    static List<RedFlag> red(Pearls.Month month) {
        return month.values().values().stream().filter(v -> v.light() == PearlsRatio.Light.RED)
                .sorted(Comparator.comparing(Pearls.Value::ratio))
                .map(v -> RedFlag.of(FLAG, v.ratio().name(), Objects.requireNonNull(v.percent(), "a red ratio has a value"),
                        v.ratio().target())).toList();
    }
}
