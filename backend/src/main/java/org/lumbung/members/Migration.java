package org.lumbung.members;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** One stay abroad of a member; {@code returnedOn} is null while they are still abroad. */
public record Migration(long id, long memberId, String destinationCountry, MigrationSector sector,
                        LocalDate departedOn, @Nullable LocalDate returnedOn) {

    public boolean stillAbroad() {
        return returnedOn == null;
    }
}
