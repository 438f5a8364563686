package org.lumbung.members;

import java.time.LocalDate;

/** One stay abroad of a member; {@code returnedOn} is null while they are still abroad. */
public record Migration(long id, long memberId, String destinationCountry, MigrationSector sector,
                        LocalDate departedOn, LocalDate returnedOn) {

    public boolean stillAbroad() {
        return returnedOn == null;
    }
}
