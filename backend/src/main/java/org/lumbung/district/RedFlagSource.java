package org.lumbung.district;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Red flags for the district console's column, for many cooperatives at once. {@link PearlsRedFlags} implements it
 * from the reports' PEARLS ratios (a handful of indexed queries per cooperative, within the console's 2 s for 50); without a bean the console
 * shows its own flag from PAR30, labelled as such. A broken chain is flagged by the console either way.
 */
public interface RedFlagSource {

    /** The column's heading, a message key (e.g. "district.flags.pearls"). */
    String titleKey();

    /** The flags of each cooperative that has any, as of a date; cooperatives without flags may be absent. */
    Map<Long, List<RedFlag>> flags(Set<Long> cooperativeIds, LocalDate asOf);
}
