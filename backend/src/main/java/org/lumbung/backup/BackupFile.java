package org.lumbung.backup;

import java.time.Instant;
import java.util.List;

/** A backup ZIP in the folder: its name, size, when it was taken and the chain heads it holds. */
public record BackupFile(String name, long sizeBytes, Instant takenAt, List<String> heads) {
}
