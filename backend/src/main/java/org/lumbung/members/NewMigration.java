package org.lumbung.members;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** The command to record a stay abroad; {@code returnedOn} may be left empty while the member is away. */
public record NewMigration(String destinationCountry, MigrationSector sector, @Nullable LocalDate departedOn,
                           @Nullable LocalDate returnedOn) {
}
