package org.lumbung.auditpack.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.lumbung.auditpack.AuditPackFile;
import org.lumbung.auditpack.AuditPacks;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.reports.FinancialStatements;
import org.lumbung.security.AccessPolicy;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A cooperative's audit pack for a period, as a ZIP (docs/audit-pack.md). The pack is made whole before the first
 * byte is sent, so any refusal is still a problem, never a half-written download.
 */
@RestController
@RequestMapping("/api/v1/cooperatives/{code}")
@Tag(name = "Audit", description = "Audit packs an outsider can verify")
public class AuditPackApiController {

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    /** The head the pack covers, for a client that records the checkpoint without opening the ZIP. */
    static final String HEAD_HEADER = "Lumbung-Chain-Head";

    private final CooperativeService cooperatives;
    private final AccessPolicy access;
    private final AuditPacks packs;

    public AuditPackApiController(CooperativeService cooperatives, AccessPolicy access, AuditPacks packs) {
        this.cooperatives = cooperatives;
        this.access = access;
        this.packs = packs;
    }

    @Operation(summary = "The audit pack of a period: statements, trial balance, journal (hledger and CSV), the hash "
            + "chain and its head, the specification and a standalone verifier (Python 3), in one ZIP",
            description = "Verify it anywhere with `python3 lumbung_verify.py pack.zip --checkpoint SEQUENCE:FINGERPRINT`. "
                    + "The header Lumbung-Chain-Head gives the head the pack covers (SEQUENCE:FINGERPRINT).")
    @GetMapping(value = "/audit-pack", produces = "application/zip")
    public void auditPack(@PathVariable String code,
                          @Parameter(description = "first day of the period, YYYY-MM-DD") @RequestParam(required = false) String from,
                          @Parameter(description = "last day of the period, YYYY-MM-DD") @RequestParam(required = false) String to,
                          Locale locale, HttpServletResponse response) throws IOException {
        Cooperative c = cooperatives.byCode(code);
        access.requireRead(c.id());
        try (AuditPackFile pack = packs.make(c.id(), date(from), date(to), Messages.supported(locale))) {
            response.setContentType("application/zip");
            response.setContentLengthLong(pack.size());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + pack.fileName() + "\"");
            response.setHeader(HEAD_HEADER, pack.head().checkpoint());
            try (OutputStream out = response.getOutputStream()) {
                Files.copy(pack.path(), out);
            }
        }
    }

    private static LocalDate date(String value) {
        if (value == null || !DATE.matcher(value).matches()) {
            throw DomainException.invalid("audit-pack.period.invalid", FinancialStatements.MAX_PERIOD_DAYS);
        }
        return LocalDate.parse(value);
    }
}
