package org.lumbung.auditpack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the pack's own standalone verifier (python3, as an auditor would) and tampers with an unpacked pack the way
 * a forger would: the files changed and the manifest's digests made to match, so only the chain can tell.
 */
public final class PackVerifier {

    /** The verifier's exit status and everything it printed. */
    public record Run(int exitStatus, String output) {
        public boolean passed() {
            return exitStatus == 0 && output.contains("RESULT: PASSED");
        }
    }

    private PackVerifier() {
    }

    /** The verifier inside the pack (ZIP or folder), run on that pack; a ZIP is unpacked under {@code scratch} for it. */
    public static Run run(Path scratch, Path pack, String... arguments) throws IOException, InterruptedException {
        Path folder = Files.isDirectory(pack) ? pack : unzip(pack, Files.createTempDirectory(scratch, "verifier-"));
        List<String> command = new ArrayList<>(List.of("python3", folder.resolve("lumbung_verify.py").toString(), pack.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the verifier ends").isTrue();
        return new Run(process.exitValue(), output);
    }

    public static Path unzip(Path zip, Path into) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                Path target = into.resolve(e.getName()).normalize();
                assertThat(target.startsWith(into)).isTrue();
                Files.createDirectories(target.getParent());
                Files.copy(entries, target);
            }
        }
        return into;
    }

    /** Rewrites the lines of one file of an unpacked pack and makes the manifest's digest match again. */
    public static void tamper(Path folder, String file, UnaryOperator<List<String>> change) throws IOException {
        Path path = folder.resolve(file);
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        List<String> changed = change.apply(new ArrayList<>(lines));
        assertThat(changed).as("the tampering changes " + file).isNotEqualTo(lines);
        Files.write(path, changed, StandardCharsets.UTF_8);
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(folder.resolve("manifest.json").toFile());
        ((ObjectNode) manifest.get("files")).put(file, sha256(path));
        json.writeValue(folder.resolve("manifest.json").toFile(), manifest);
    }

    public static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
