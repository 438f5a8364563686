package org.lumbung.auditpack;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/** An audit pack imported into the district console for a cooperative that keeps its books offline, as verified. */
public record ImportedPack(long id, long cooperativeId, LocalDate from, LocalDate to, PackHead head,
                           @Nullable LocalDate lastBooking, long lines, String fileName, String importedBy, Instant importedAt) {
}
