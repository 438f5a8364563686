package org.lumbung.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The passwords of the embedded server's two roles: the owner ({@code postgres}, superuser) and the
 * application ({@code lumbung_app}). Generated at the first start (256 random bits each) and kept in the
 * data directory as {@value #FILE_NAME}, readable by its owner only, in libpq's password-file format:
 * {@code PGPASSFILE=data/postgres/lumbung.pgpass pg_dump -h localhost -p 15432 -U postgres lumbung}.
 */
public record DatabasePasswords(String owner, String app) {

    public static final String FILE_NAME = "lumbung.pgpass";
    static final String OWNER = "postgres";
    static final String APP = "lumbung_app";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** base64url: never a ':' or '\' (the password file's separators) nor a quote (they go into SQL literals). */
    private static final String ALPHABET = "[A-Za-z0-9_-]{20,100}";
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    public DatabasePasswords {
        if (owner == null || app == null || !owner.matches(ALPHABET) || !app.matches(ALPHABET)) {
            throw new IllegalArgumentException("a database password must be 20 to 100 characters of [A-Za-z0-9_-]");
        }
    }

    static DatabasePasswords generate() {
        return new DatabasePasswords(randomPassword(), randomPassword());
    }

    private static String randomPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static Path file(Path dataDirectory) {
        return dataDirectory.resolve(FILE_NAME);
    }

    /** Reads the file, and narrows its permissions to the owner if someone widened them. */
    static DatabasePasswords read(Path file) {
        try {
            restrictToOwner(file);
            Map<String, String> byRole = Files.readAllLines(file).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(":", 5))
                    .filter(fields -> fields.length == 5)
                    .collect(Collectors.toMap(fields -> fields[3], fields -> fields[4], (a, b) -> b));
            // a missing line is refused by the constructor like a malformed one
            return new DatabasePasswords(byRole.getOrDefault(OWNER, ""), byRole.getOrDefault(APP, ""));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the database passwords in " + file, e);
        }
    }

    /** Writes the file atomically, created owner-only (it never exists with wider permissions). */
    void write(Path file) {
        String content = "# The embedded PostgreSQL's passwords (libpq password file). Keep this file private.\n"
                + "*:*:*:" + OWNER + ":" + owner + "\n"
                + "*:*:*:" + APP + ":" + app + "\n";
        Path temporary = file.resolveSibling(FILE_NAME + ".new");
        try {
            Files.deleteIfExists(temporary);
            if (posix()) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(temporary);
                restrictToOwner(temporary);
            }
            Files.writeString(temporary, content);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the database passwords to " + file, e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** POSIX: mode 600. Elsewhere (Windows): one access-control entry, for the file's owner. */
    private static void restrictToOwner(Path file) throws IOException {
        if (posix()) {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (acl != null) {
            acl.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(Files.getOwner(file))
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build()));
        }
    }

    @Override
    public String toString() {
        return "DatabasePasswords[owner=***, app=***]"; // never in a log
    }
}
