package org.lumbung.district;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Red flags for the district console's column, for many cooperatives at once (set-based: one or a few queries for
 * all of them, never one per cooperative). The reports' PEARLS ratios implement it; until a bean does, the console
 * shows its own flags from PAR30 and the chain ({@link DistrictConsole}), labelled as such.
 */
public interface RedFlagSource {

    /** The column's heading, a message key (e.g. "district.flags.pearls"). */
    String titleKey();

    /** The flags of each cooperative that has any, as of a date; cooperatives without flags may be absent. */
    Map<Long, List<RedFlag>> flags(Set<Long> cooperativeIds, LocalDate asOf);
}
