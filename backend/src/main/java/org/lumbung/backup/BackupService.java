package org.lumbung.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.lumbung.audit.AuditLog;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.db.OwnerDatabase;
import org.lumbung.security.CurrentActor;
import org.lumbung.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.lumbung.db.jooq.Tables.BACKUP_RECORD;
import static org.lumbung.db.jooq.Tables.BACKUP_SETTING;

/**
 * Backups of the whole installation into the folder the treasurer chose: on demand, on a schedule
 * ({@link BackupSchedule}), old ones rotated; each a ZIP ({@link DatabaseDump}) written under a temporary name
 * and renamed when complete, with its chain heads in a text file beside it. And the restore of such a ZIP into
 * an empty installation ({@link DatabaseRestore}).
 */
@Service
public class BackupService {

    private static final Logger log = LoggerFactory.getLogger(BackupService.class);
    public static final String PREFIX = "lumbung-";
    static final String SUFFIX = ".zip";
    static final String HEAD_SUFFIX = ".head.txt";
    /** A folder listing reads at most this many backups' manifests. */
    public static final int MAX_LISTED = 100;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final DSLContext dsl;
    private final OwnerDatabase owner;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectMapper json;
    private final String defaultFolder;
    private final ReentrantLock running = new ReentrantLock();

    public BackupService(DSLContext dsl, OwnerDatabase owner, AuditLog audit, Clock clock, ObjectMapper json,
                         @Value("${lumbung.backups.dir:backups}") String defaultFolder) {
        this.dsl = dsl;
        this.owner = owner;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
        this.defaultFolder = defaultFolder;
    }

    /** The chosen settings, or the defaults (the folder of {@code lumbung.backups.dir}, daily, ten kept). */
    public BackupSettings settings() {
        return dsl.selectFrom(BACKUP_SETTING).fetchOptional()
                .map(r -> new BackupSettings(r.getFolder(), r.getIntervalHours(), r.getKeepCount()))
                .orElseGet(() -> new BackupSettings(Path.of(defaultFolder).toAbsolutePath().normalize().toString(),
                        BackupSettings.DEFAULT_INTERVAL_HOURS, BackupSettings.DEFAULT_KEEP));
    }

    @PreAuthorize("@access.may('MAKE_BACKUP')")
    public BackupSettings saveSettings(BackupSettings settings) {
        Path folder = usableFolder(settings.folder());
        DomainException.require(settings.intervalHours() >= BackupSettings.MIN_INTERVAL_HOURS
                        && settings.intervalHours() <= BackupSettings.MAX_INTERVAL_HOURS, "backup.interval.invalid",
                BackupSettings.MIN_INTERVAL_HOURS, BackupSettings.MAX_INTERVAL_HOURS);
        DomainException.require(settings.keepCount() >= BackupSettings.MIN_KEEP && settings.keepCount() <= BackupSettings.MAX_KEEP,
                "backup.keep.invalid", BackupSettings.MIN_KEEP, BackupSettings.MAX_KEEP);
        BackupSettings saved = new BackupSettings(folder.toString(), settings.intervalHours(), settings.keepCount());
        dsl.insertInto(BACKUP_SETTING)
                .set(BACKUP_SETTING.ID, (short) 1).set(BACKUP_SETTING.FOLDER, saved.folder())
                .set(BACKUP_SETTING.INTERVAL_HOURS, saved.intervalHours()).set(BACKUP_SETTING.KEEP_COUNT, saved.keepCount())
                .set(BACKUP_SETTING.UPDATED_BY, CurrentActor.name())
                .onConflict(BACKUP_SETTING.ID).doUpdate()
                .set(BACKUP_SETTING.FOLDER, saved.folder()).set(BACKUP_SETTING.INTERVAL_HOURS, saved.intervalHours())
                .set(BACKUP_SETTING.KEEP_COUNT, saved.keepCount()).set(BACKUP_SETTING.UPDATED_BY, CurrentActor.name())
                .set(BACKUP_SETTING.UPDATED_AT, OffsetDateTime.now(clock))
                .execute();
        audit.record(null, "BACKUP_SETTINGS", AuditLog.Outcome.OK, "folder " + saved.folder() + ", every "
                + saved.intervalHours() + " h, keep " + saved.keepCount());
        return saved;
    }

    /** An absolute path of a folder that exists (or can be made) and takes files; refused with a reason otherwise. */
    private static Path usableFolder(String text) {
        String trimmed = text == null ? "" : text.strip();
        DomainException.require(!trimmed.isEmpty() && trimmed.length() <= BackupSettings.MAX_FOLDER,
                "backup.folder.missing", BackupSettings.MAX_FOLDER);
        Path folder;
        try {
            folder = Path.of(trimmed);
        } catch (InvalidPathException e) {
            throw DomainException.invalid("backup.folder.not-absolute", trimmed);
        }
        DomainException.require(folder.isAbsolute(), "backup.folder.not-absolute", trimmed);
        folder = folder.normalize();
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".lumbung-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw DomainException.invalid("backup.folder.not-writable", folder);
        }
        return folder;
    }

    /** Backs up now into the chosen folder, then deletes the oldest backups beyond the number kept. */
    @PreAuthorize("@access.may('MAKE_BACKUP')")
    public BackupFile backUpNow() {
        if (!running.tryLock()) {
            throw DomainException.conflict("backup.busy");
        }
        try {
            requireTheirsAlone();
            BackupSettings settings = settings();
            BackupFile file = write(usableFolder(settings.folder()));
            rotate(Path.of(settings.folder()), settings.keepCount());
            return file;
        } finally {
            running.unlock();
        }
    }

    /**
     * A backup holds every cooperative of the installation: a treasurer or chair backs up only an installation
     * that keeps no cooperative but theirs; with several (a district's server), only the administrator (or the
     * schedule) does. Counted as the owner: row-level security would show them their own cooperative only.
     */
    private void requireTheirsAlone() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean wholeInstallation = authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + Role.ADMIN.name()) || a.getAuthority().equals("ROLE_SYSTEM"));
        if (wholeInstallation) {
            return;
        }
        try (Connection c = owner.open()) {
            if (new Catalog(c).cooperativeCount() > 1) {
                throw DomainException.forbidden("backup.whole-installation");
            }
        } catch (SQLException e) {
            throw DomainException.invalid("backup.failed", settings().folder(), String.valueOf(e.getMessage()));
        }
    }

    /** When the last backup was written here, if ever (the dashboard warns when it is more than a week old). */
    public Optional<Instant> lastBackup() {
        return dsl.select(BACKUP_RECORD.CREATED_AT).from(BACKUP_RECORD).orderBy(BACKUP_RECORD.CREATED_AT.desc()).limit(1)
                .fetchOptional(BACKUP_RECORD.CREATED_AT).map(OffsetDateTime::toInstant);
    }

    /** Whether the schedule is due: no backup yet, or the last one is older than the chosen interval. */
    boolean due() {
        Optional<Instant> last = lastBackup();
        return last.isEmpty() || last.get().plusSeconds(3600L * settings().intervalHours()).isBefore(clock.instant());
    }

    private BackupFile write(Path folder) {
        long start = System.nanoTime();
        String actor = CurrentActor.name();
        Path part = null;
        try (Connection c = owner.open()) {
            part = Files.createTempFile(folder, ".lumbung-backup-", ".part");
            BackupManifest manifest;
            try (OutputStream out = Files.newOutputStream(part)) {
                manifest = new DatabaseDump(json, clock).write(c, out, actor);
            }
            String stem = PREFIX + installName(manifest) + "-" + STAMP.format(manifest.createdAt());
            String name = stem + SUFFIX;
            for (int n = 2; Files.exists(folder.resolve(name)); n++) {
                name = stem + "-" + n + SUFFIX; // two backups within one second
            }
            Path zip = folder.resolve(name);
            Files.move(part, zip, StandardCopyOption.ATOMIC_MOVE);
            writeHeads(folder.resolve(name + HEAD_SUFFIX), manifest);
            long size = Files.size(zip);
            long millis = (System.nanoTime() - start) / 1_000_000;
            List<String> heads = heads(manifest);
            dsl.insertInto(BACKUP_RECORD).set(BACKUP_RECORD.FILE_NAME, name).set(BACKUP_RECORD.FOLDER, folder.toString())
                    .set(BACKUP_RECORD.SIZE_BYTES, size).set(BACKUP_RECORD.DURATION_MS, millis)
                    .set(BACKUP_RECORD.HEADS, truncate(String.join("; ", heads), 2000))
                    .set(BACKUP_RECORD.CREATED_BY, actor).execute();
            audit.record(null, "BACKUP", AuditLog.Outcome.OK, name + " (" + size + " bytes, " + millis + " ms): " + String.join("; ", heads));
            log.info("backup {} written in {} ms ({} bytes)", zip, millis, size);
            return new BackupFile(name, size, manifest.createdAt(), heads);
        } catch (SQLException | IOException e) {
            deleteQuietly(part);
            audit.record(null, "BACKUP", AuditLog.Outcome.FAILED, folder + ": " + e.getMessage());
            log.error("backup into {} failed", folder, e);
            throw DomainException.invalid("backup.failed", folder, String.valueOf(e.getMessage()));
        }
    }

    /** One cooperative: its code; several: "install" (the ZIP holds them all). */
    private static String installName(BackupManifest manifest) {
        return manifest.cooperatives().size() == 1 ? manifest.cooperatives().get(0).code() : "install";
    }

    private static List<String> heads(BackupManifest manifest) {
        return manifest.cooperatives().stream().map(c -> c.code() + " " + c.head()).toList();
    }

    /** The chain heads beside the ZIP, readable without unpacking it: write them down, compare them after a restore. */
    private static void writeHeads(Path file, BackupManifest manifest) throws IOException {
        StringBuilder text = new StringBuilder("# Lumbung backup " + manifest.createdAt() + ": chain head (sequence:fingerprint)"
                + " and trial balance totals of each cooperative\n");
        for (BackupManifest.Cooperative c : manifest.cooperatives()) {
            text.append(c.code()).append(' ').append(c.head()).append(" as of ").append(c.asOf());
            c.trialBalance().forEach(t -> text.append(' ').append(t.currency()).append(" D ").append(t.debit().toPlainString())
                    .append(" C ").append(t.credit().toPlainString()));
            text.append('\n');
        }
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Files.writeString(part, text);
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Keeps the newest {@code keep} backups of the folder; the older ones go, with their head files. */
    private void rotate(Path folder, int keep) {
        List<Path> zips = backupsIn(folder);
        for (Path old : zips.subList(Math.min(keep, zips.size()), zips.size())) {
            try {
                Files.deleteIfExists(old);
                Files.deleteIfExists(old.resolveSibling(old.getFileName() + HEAD_SUFFIX));
                log.info("rotated out the old backup {}", old);
            } catch (IOException e) {
                log.warn("could not delete the old backup {}", old, e);
            }
        }
    }

    /** The folder's backups, newest first. */
    private static List<Path> backupsIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> {
                        String name = p.getFileName().toString();
                        return name.startsWith(PREFIX) && name.endsWith(SUFFIX) && Files.isRegularFile(p);
                    })
                    .sorted(Comparator.comparing(BackupService::modified).reversed().thenComparing(Comparator.reverseOrder()))
                    .collect(Collectors.toCollection(ArrayList::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    /** The backups in the chosen folder, newest first (at most {@value #MAX_LISTED}), each read from its manifest. */
    @PreAuthorize("@access.may('MAKE_BACKUP')")
    public List<BackupFile> list() {
        List<Path> zips = backupsIn(Path.of(settings().folder()));
        List<BackupFile> files = new ArrayList<>();
        for (Path zip : zips.subList(0, Math.min(MAX_LISTED, zips.size()))) {
            describe(zip).ifPresent(files::add);
        }
        return files;
    }

    private Optional<BackupFile> describe(Path zip) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            var entry = file.getEntry(BackupManifest.ENTRY);
            if (entry == null) {
                return Optional.empty();
            }
            try (InputStream in = file.getInputStream(entry)) {
                BackupManifest m = json.readValue(in, BackupManifest.class);
                return Optional.of(new BackupFile(zip.getFileName().toString(), Files.size(zip), m.createdAt(), heads(m)));
            }
        } catch (IOException e) {
            return Optional.empty(); // not one of ours, or unreadable: a restore would refuse it too
        }
    }

    /**
     * Restores a backup into this installation, which must be empty (no cooperative, no user): from the first-start
     * page or the command line, before anyone can sign in. Checked by the chains and trial balances; nothing changes
     * when it is refused.
     */
    public BackupManifest restore(Path zip) {
        DomainException.require(zip != null && Files.isRegularFile(zip), "backup.restore.no-file", String.valueOf(zip));
        long start = System.nanoTime();
        try (Connection c = owner.open()) {
            BackupManifest manifest = new DatabaseRestore(json).restore(c, zip);
            long millis = (System.nanoTime() - start) / 1_000_000;
            audit.recordClaim("restore", null, "RESTORE", AuditLog.Outcome.OK,
                    zip.getFileName() + " restored in " + millis + " ms: " + String.join("; ", heads(manifest)));
            log.info("restored {} in {} ms: {}", zip, millis, heads(manifest));
            return manifest;
        } catch (DomainException e) {
            audit.recordClaim("restore", null, "RESTORE", AuditLog.Outcome.REFUSED, zip.getFileName() + ": " + e.messageKey());
            throw e;
        } catch (SQLException | IOException e) {
            audit.recordClaim("restore", null, "RESTORE", AuditLog.Outcome.FAILED, zip.getFileName() + ": " + e.getMessage());
            log.error("restore of {} failed", zip, e);
            throw DomainException.invalid("backup.restore.failed", zip.getFileName(), String.valueOf(e.getMessage()));
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("could not delete the unfinished backup {}", file, e);
            }
        }
    }
}
