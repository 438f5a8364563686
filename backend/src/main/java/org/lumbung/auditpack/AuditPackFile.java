package org.lumbung.auditpack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A finished audit pack in a temporary file, ready to send: its download name, size and the chain head it covers
 * (what the auditor writes down for the next visit). Closing it deletes the file.
 */
public record AuditPackFile(Path path, String fileName, long size, PackHead head) implements AutoCloseable {

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
