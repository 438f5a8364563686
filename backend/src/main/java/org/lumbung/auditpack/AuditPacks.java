package org.lumbung.auditpack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.ChainStatus;
import org.lumbung.ledger.ChainVerifier;
import org.lumbung.ledger.LedgerQueries;
import org.lumbung.platform.DomainException;
import org.lumbung.reports.FinancialStatements;
import org.lumbung.reports.HledgerExport;
import org.lumbung.reports.StatementDocuments;
import org.lumbung.reports.StatementTable;
import org.lumbung.security.CurrentActor;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.lumbung.db.jooq.Tables.LEDGER_HEAD;

/**
 * Makes a cooperative's audit pack for a period (docs/audit-pack.md): the statements of the period from the
 * reports (PDF, XLSX, per currency), the trial balance at its end, the whole journal as hledger text and as CSV,
 * the hash chain and its head, the accounts, the specification and the standalone verifier, and a manifest with
 * every file's SHA-256. The journal, chain and trial balance come from one repeatable-read snapshot; the hledger
 * text is exported just before it and the pack is made again if an entry was posted in between, so every file
 * covers exactly the same entries. Everything is streamed into a temporary file: memory stays bounded.
 */
@Service
@PreAuthorize("@access.may('MAKE_AUDIT_PACK')")
public class AuditPacks {

    public static final String FORMAT = "lumbung-audit-pack-1";
    /** The verifier and the specification, copied into the classes from audit-verifier/ and docs/ by the build. */
    static final String[] STATIC_FILES = {"README.txt", "audit-pack.md", "lumbung_verify.py"};
    private static final int ATTEMPTS = 3;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final DSLContext dsl;
    private final CooperativeService cooperatives;
    private final FinancialStatements statements;
    private final LedgerQueries ledger;
    private final HledgerExport hledger;
    private final ChainVerifier chain;
    private final Clock clock;

    public AuditPacks(DSLContext dsl, CooperativeService cooperatives, FinancialStatements statements, LedgerQueries ledger,
                      HledgerExport hledger, ChainVerifier chain, Clock clock) {
        this.dsl = dsl;
        this.cooperatives = cooperatives;
        this.statements = statements;
        this.ledger = ledger;
        this.hledger = hledger;
        this.chain = chain;
        this.clock = clock;
    }

    /** The pack of the period {@code from}..{@code to}, statements in {@code locale}; the caller closes (deletes) it. */
    public AuditPackFile make(long cooperativeId, LocalDate from, LocalDate to, Locale locale) {
        requirePeriod(from, to);
        Cooperative c = cooperatives.byId(cooperativeId);
        ChainStatus status = chain.status(cooperativeId);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            AuditPackFile pack = attempt(c, from, to, locale, status);
            if (pack != null) {
                return pack;
            }
        }
        throw DomainException.conflict("audit-pack.busy");
    }

    private static void requirePeriod(LocalDate from, LocalDate to) {
        DomainException.require(from != null && to != null && !from.isAfter(to)
                        && !from.isBefore(FinancialStatements.EARLIEST) && !to.isAfter(FinancialStatements.LATEST)
                        && ChronoUnit.DAYS.between(from, to) < FinancialStatements.MAX_PERIOD_DAYS,
                "audit-pack.period.invalid", FinancialStatements.MAX_PERIOD_DAYS);
    }

    /** One try; null when an entry was posted while the hledger text was exported. */
    private @Nullable AuditPackFile attempt(Cooperative c, LocalDate from, LocalDate to, Locale locale, ChainStatus status) {
        Path journal = null;
        Path zip = null;
        try {
            PackHead before = head(dsl, c.id());
            journal = Files.createTempFile("lumbung-hledger-", ".journal");
            try (Writer out = Files.newBufferedWriter(journal, StandardCharsets.UTF_8)) {
                hledger.write(c.id(), out);
            }
            zip = Files.createTempFile("lumbung-audit-pack-", ".zip");
            Path hledgerText = journal;
            Path zipFile = zip;
            PackHead head = dsl.transactionResult(configuration -> {
                DSLContext tx = configuration.dsl();
                tx.execute("set transaction isolation level repeatable read");
                PackHead now = head(tx, c.id());
                if (!now.equals(before)) {
                    return null;
                }
                try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(zipFile), 1 << 16);
                     PackZip pack = new PackZip(file)) {
                    write(tx, pack, new Request(c, from, to, locale, now, status), hledgerText);
                }
                return now;
            });
            if (head == null) {
                return null;
            }
            String name = "lumbung-audit-" + c.code() + "-" + from + "-" + to + ".zip";
            AuditPackFile pack = new AuditPackFile(zip, name, Files.size(zip), head);
            zip = null;
            return pack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(journal);
            delete(zip);
        }
    }

    private record Request(Cooperative cooperative, LocalDate from, LocalDate to, Locale locale, PackHead head,
                           ChainStatus status) {
    }

    private void write(DSLContext tx, PackZip pack, Request r, Path hledgerText) throws IOException {
        long id = r.cooperative().id();
        for (String name : STATIC_FILES) {
            pack.file(name, out -> copyResource("audit-pack/" + name, out));
        }
        pack.file("currencies.csv", out -> JournalFiles.currencies(tx, id, out));
        pack.file("accounts.csv", out -> JournalFiles.accounts(tx, id, out));
        pack.file("journal.csv", out -> JournalFiles.journal(tx, id, r.head().sequence(), out));
        pack.file("chain.csv", out -> JournalFiles.chain(tx, id, r.head().sequence(), out));
        pack.file("chain-head.txt", (r.head().checkpoint() + "\n").getBytes(StandardCharsets.UTF_8));
        pack.file("trial-balance.csv", out -> JournalFiles.trialBalance(ledger.trialBalance(id, r.to()), out));
        pack.file("journal.hledger", out -> Files.copy(hledgerText, out));
        statementFiles(pack, r);
        Map<String, Object> manifest = manifest(r, pack.digests());
        pack.file("manifest.json", JSON.writeValueAsBytes(manifest));
    }

    /** The balance sheet at the period's end and the statement of surplus of the period, per currency, PDF and XLSX. */
    private void statementFiles(PackZip pack, Request r) throws IOException {
        Cooperative c = r.cooperative();
        for (String currency : statements.currencies(c.id())) {
            StatementTable balance = StatementTable.of(c, statements.balanceSheet(c.id(), r.to(), currency), r.locale());
            StatementTable income = StatementTable.of(c, statements.income(c.id(), r.from(), r.to(), currency), r.locale());
            pack.file("statements/balance-sheet-" + currency + ".pdf", StatementDocuments.pdf(balance, r.locale()));
            pack.file("statements/balance-sheet-" + currency + ".xlsx", StatementDocuments.xlsx(balance, r.locale()));
            pack.file("statements/income-" + currency + ".pdf", StatementDocuments.pdf(income, r.locale()));
            pack.file("statements/income-" + currency + ".xlsx", StatementDocuments.xlsx(income, r.locale()));
        }
    }

    private Map<String, Object> manifest(Request r, Map<String, String> digests) {
        Cooperative c = r.cooperative();
        Map<String, Object> cooperative = new LinkedHashMap<>();
        cooperative.put("code", c.code());
        cooperative.put("id", c.id());
        cooperative.put("name", c.name());
        cooperative.put("district", c.district());
        cooperative.put("baseCurrency", c.baseCurrency());
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("state", r.status().state().name());
        status.put("lastFullCheck", r.status().lastFullCheck() == null ? null : r.status().lastFullCheck().toString());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("cooperative", cooperative);
        m.put("period", ordered("from", r.from().toString(), "to", r.to().toString()));
        m.put("head", ordered("sequence", r.head().sequence(), "fingerprint", r.head().fingerprint()));
        m.put("chainStatusInLumbung", status);
        m.put("generatedAt", Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
        m.put("generatedBy", CurrentActor.name());
        m.put("language", r.locale().getLanguage());
        m.put("files", digests);
        return m;
    }

    private static Map<String, Object> ordered(String firstName, Object first, String secondName, Object second) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(firstName, first);
        map.put(secondName, second);
        return map;
    }

    static PackHead head(DSLContext db, long cooperativeId) {
        Record2<Long, String> head = db.select(LEDGER_HEAD.LAST_SEQUENCE, LEDGER_HEAD.LAST_HASH).from(LEDGER_HEAD)
                .where(LEDGER_HEAD.COOPERATIVE_ID.eq(cooperativeId)).fetchOne();
        return head == null || head.value1() == 0 ? PackHead.EMPTY : new PackHead(head.value1(), head.value2());
    }

    private static void copyResource(String name, OutputStream out) throws IOException {
        try (InputStream in = new ClassPathResource(name).getInputStream()) {
            in.transferTo(out);
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
