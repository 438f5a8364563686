package org.lumbung.platform.db;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The backups folder (README "Backups": {@code lumbung.backups.dir}, {@code LUMBUNG_BACKUP_DIR}, default
 * {@code ./backups}), where the documented pg_dump command and cold copies go. PostgreSQL keeps no trace of
 * a dump, so the newest file there is what the dashboard can honestly call the last backup.
 */
@Component
public class Backups {

    /** The newest backup: its file name and when it was written. */
    public record Backup(String name, Instant at) {
    }

    private final Path folder;

    public Backups(@Value("${lumbung.backups.dir:backups}") String folder) {
        this.folder = Path.of(folder).toAbsolutePath().normalize();
    }

    public Path folder() {
        return folder;
    }

    public Optional<Backup> latest() {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(Backups::backup)
                    .max(Comparator.comparing(Backup::at));
        } catch (IOException e) {
            return Optional.empty(); // an unreadable folder holds no backup we could restore from
        }
    }

    private static Backup backup(Path file) {
        try {
            return new Backup(file.getFileName().toString(), Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
