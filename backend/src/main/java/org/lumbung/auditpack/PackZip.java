package org.lumbung.auditpack;


import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The pack's ZIP, written one file after the other, each file's SHA-256 taken as it is written (for the
 * manifest), so nothing is held in memory but the file being written's buffer.
 */
final class PackZip implements AutoCloseable {

    private final ZipOutputStream zip;
    private final Map<String, String> digests = new TreeMap<>();

    PackZip(OutputStream out) {
        this.zip = new ZipOutputStream(out);
    }

    /** Writes one file; the writer gets a stream it may close (the ZIP stays open). */
    void file(String name, Content content) throws IOException {
        MessageDigest sha256 = sha256();
        zip.putNextEntry(new ZipEntry(name));
        try (OutputStream out = new DigestOutputStream(new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // the entry ends in closeEntry, the ZIP with the pack
            }
        }, sha256)) {
            content.writeTo(out);
        }
        zip.closeEntry();
        digests.put(name, HexFormat.of().formatHex(sha256.digest()));
    }

    void file(String name, byte[] bytes) throws IOException {
        file(name, out -> out.write(bytes));
    }

    /** The SHA-256 of every file written so far, by name. */
    Map<String, String> digests() {
        return Map.copyOf(digests);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a file of the pack holds, written to a stream. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }
}
