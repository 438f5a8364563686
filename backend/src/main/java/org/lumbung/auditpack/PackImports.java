package org.lumbung.auditpack;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.platform.DomainException;
import org.lumbung.security.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import static org.lumbung.db.jooq.Tables.IMPORTED_AUDIT_PACK;
import static org.lumbung.db.jooq.Tables.LEDGER_HEAD;

/**
 * Audit packs of a cooperative that keeps its books on its own laptop, imported into the district console: verified
 * as the standalone verifier does (every fingerprint and the trial balance recomputed from the pack alone) and, from
 * the second import on, through the previous import's head, which must lie on the new pack's chain (history only
 * appended to). A pack that fails any check is refused with a translated message naming the problem, and nothing is
 * written; one that passes is kept as it came, read-only.
 */
@Service
@PreAuthorize("@access.may('IMPORT_AUDIT_PACK')")
public class PackImports {

    /** The largest pack accepted: a cooperative's years of books compress far below it. */
    public static final long MAX_PACK_BYTES = 64L * 1024 * 1024;

    private final DSLContext dsl;
    private final CooperativeService cooperatives;
    private final Clock clock;

    public PackImports(DSLContext dsl, CooperativeService cooperatives, Clock clock) {
        this.dsl = dsl;
        this.cooperatives = cooperatives;
        this.clock = clock;
    }

    /** Verifies and keeps the pack read from {@code upload} (at most {@link #MAX_PACK_BYTES}). */
    public ImportedPack importPack(long cooperativeId, String fileName, InputStream upload) {
        Cooperative c = cooperatives.byId(cooperativeId);
        DomainException.require(fileName != null && !fileName.isBlank() && fileName.length() <= 200, "audit-pack.import.file-name");
        DomainException.require(keepsBooksOffline(c.id()), "audit-pack.import.online", c.name());
        Path file = null;
        try {
            file = Files.createTempFile("lumbung-import-", ".zip");
            String sha256 = copyBounded(upload, file);
            PackCheck.Verified pack;
            try (ZipFile zip = new ZipFile(file.toFile())) {
                pack = new PackCheck(zip).verify(latest(c.id()).map(ImportedPack::head).orElse(null));
            } catch (ZipException e) {
                throw DomainException.invalid("audit-pack.import.not-a-pack");
            }
            DomainException.require(pack.cooperativeCode().equals(c.code()), "audit-pack.import.other-cooperative",
                    pack.cooperativeCode(), c.code());
            return store(c.id(), fileName, file, sha256, pack);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(file);
        }
    }

    /** The cooperative's imports, newest head first. */
    public List<ImportedPack> imports(long cooperativeId) {
        return dsl.selectFrom(IMPORTED_AUDIT_PACK).where(IMPORTED_AUDIT_PACK.COOPERATIVE_ID.eq(cooperativeId))
                .orderBy(IMPORTED_AUDIT_PACK.HEAD_SEQUENCE.desc(), IMPORTED_AUDIT_PACK.ID.desc()).fetch(PackImports::toPack);
    }

    public Optional<ImportedPack> latest(long cooperativeId) {
        return imports(cooperativeId).stream().findFirst();
    }

    /** Whether the cooperative has no postings of its own in this installation: its books are its packs. */
    private boolean keepsBooksOffline(long cooperativeId) {
        Long head = dsl.select(LEDGER_HEAD.LAST_SEQUENCE).from(LEDGER_HEAD).where(LEDGER_HEAD.COOPERATIVE_ID.eq(cooperativeId))
                .fetchOne(LEDGER_HEAD.LAST_SEQUENCE);
        return head == null || head == 0;
    }

    private ImportedPack store(long cooperativeId, String fileName, Path file, String sha256, PackCheck.Verified pack) throws IOException {
        Instant now = Instant.now(clock);
        Record row = dsl.insertInto(IMPORTED_AUDIT_PACK)
                .set(IMPORTED_AUDIT_PACK.COOPERATIVE_ID, cooperativeId)
                .set(IMPORTED_AUDIT_PACK.PERIOD_FROM, pack.from())
                .set(IMPORTED_AUDIT_PACK.PERIOD_TO, pack.to())
                .set(IMPORTED_AUDIT_PACK.HEAD_SEQUENCE, pack.head().sequence())
                .set(IMPORTED_AUDIT_PACK.HEAD_HASH, pack.head().fingerprint())
                .set(IMPORTED_AUDIT_PACK.LAST_BOOKING, pack.lastBooking())
                .set(IMPORTED_AUDIT_PACK.LINE_COUNT, pack.lines())
                .set(IMPORTED_AUDIT_PACK.FILE_NAME, fileName)
                .set(IMPORTED_AUDIT_PACK.PACK, Files.readAllBytes(file))
                .set(IMPORTED_AUDIT_PACK.PACK_SHA256, sha256)
                .set(IMPORTED_AUDIT_PACK.IMPORTED_BY, CurrentActor.name())
                .set(IMPORTED_AUDIT_PACK.IMPORTED_AT, now.atOffset(ZoneOffset.UTC))
                .returning().fetchOne();
        return toPack(row);
    }

    private static ImportedPack toPack(Record r) {
        return new ImportedPack(r.get(IMPORTED_AUDIT_PACK.ID), r.get(IMPORTED_AUDIT_PACK.COOPERATIVE_ID),
                r.get(IMPORTED_AUDIT_PACK.PERIOD_FROM), r.get(IMPORTED_AUDIT_PACK.PERIOD_TO),
                new PackHead(r.get(IMPORTED_AUDIT_PACK.HEAD_SEQUENCE), r.get(IMPORTED_AUDIT_PACK.HEAD_HASH)),
                r.get(IMPORTED_AUDIT_PACK.LAST_BOOKING), r.get(IMPORTED_AUDIT_PACK.LINE_COUNT), r.get(IMPORTED_AUDIT_PACK.FILE_NAME),
                r.get(IMPORTED_AUDIT_PACK.IMPORTED_BY), r.get(IMPORTED_AUDIT_PACK.IMPORTED_AT).toInstant());
    }

    /** Copies at most {@link #MAX_PACK_BYTES}, refusing a bigger upload; the SHA-256 of what was copied. */
    private static String copyBounded(InputStream upload, Path file) throws IOException {
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256())) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n = upload.read(buffer); n >= 0; n = upload.read(buffer)) {
                total += n;
                DomainException.require(total <= MAX_PACK_BYTES, "audit-pack.import.too-large", MAX_PACK_BYTES / (1024 * 1024));
                out.write(buffer, 0, n);
            }
            out.flush();
            return HexFormat.of().formatHex(((DigestOutputStream) out).getMessageDigest().digest());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(@Nullable Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file the system cleans up anyway
            }
        }
    }
}
