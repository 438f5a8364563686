package org.lumbung.ledger.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.Account;
import org.lumbung.ledger.Approvals;
import org.lumbung.ledger.ChainVerification.Checkpoint;
import org.lumbung.ledger.ChainVerifier;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.LedgerLimits;
import org.lumbung.ledger.LedgerQueries;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.NewAccount;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.ledger.PostingResult;
import org.lumbung.ledger.api.LedgerApiModels.AccountRequest;
import org.lumbung.ledger.api.LedgerApiModels.AccountResponse;
import org.lumbung.ledger.api.LedgerApiModels.ApprovalResponse;
import org.lumbung.ledger.api.LedgerApiModels.BalanceResponse;
import org.lumbung.ledger.api.LedgerApiModels.BatchRequest;
import org.lumbung.ledger.api.LedgerApiModels.EntryRequest;
import org.lumbung.ledger.api.LedgerApiModels.EntryResponse;
import org.lumbung.ledger.api.LedgerApiModels.LineRequest;
import org.lumbung.ledger.api.LedgerApiModels.ReversalRequest;
import org.lumbung.ledger.api.LedgerApiModels.StatementResponse;
import org.lumbung.ledger.api.LedgerApiModels.TrialBalanceResponse;
import org.lumbung.ledger.api.LedgerApiModels.VerificationResponse;
import org.lumbung.platform.DomainException;
import org.lumbung.security.AccessPolicy;
import org.lumbung.security.UserAccount;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The ledger's integration API: JSON over HTTP, cooperative named by its code. */
@RestController
@RequestMapping("/api/v1/cooperatives/{code}")
@Tag(name = "Ledger", description = "Post, reverse and read journal entries; balances, trial balance, chain verification")
public class LedgerApiController {

    private final CooperativeService cooperatives;
    private final AccessPolicy access;
    private final LedgerService ledger;
    private final LedgerQueries queries;
    private final ChartOfAccounts chart;
    private final ChainVerifier verifier;
    private final Approvals approvals;
    private final Clock clock;

    public LedgerApiController(CooperativeService cooperatives, AccessPolicy access, LedgerService ledger,
                               LedgerQueries queries, ChartOfAccounts chart, ChainVerifier verifier,
                               Approvals approvals, Clock clock) {
        this.cooperatives = cooperatives;
        this.access = access;
        this.ledger = ledger;
        this.queries = queries;
        this.chart = chart;
        this.verifier = verifier;
        this.approvals = approvals;
        this.clock = clock;
    }

    @Operation(summary = "Post a journal entry",
            description = "201 with the new entry; 200 with the original entry when the same Idempotency-Key and "
                    + "content were posted before; 409 when the key was used for other content.")
    @PostMapping("/journal-entries")
    public ResponseEntity<EntryResponse> post(@PathVariable String code,
                                              @Parameter(description = "made by the client before it submits, 8-100 of A-Z a-z 0-9 . _ : -")
                                              @RequestHeader("Idempotency-Key") String idempotencyKey,
                                              @RequestBody EntryRequest body) {
        Cooperative c = cooperatives.byCode(code);
        UserAccount user = access.requirePosting(c.id());
        DomainException.require(body != null, "api.body.missing");
        PostingResult result = ledger.post(toRequest(c.id(), idempotencyKey, body.valueDate(), body.description(),
                body.sourceType(), body.sourceRef(), body.lines(), user.username()));
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(EntryResponse.of(result.entry()));
    }

    @Operation(summary = "Post up to 1,000 entries in one transaction (all or none)")
    @PostMapping("/journal-entries/batch")
    public ResponseEntity<List<EntryResponse>> postBatch(@PathVariable String code, @RequestBody BatchRequest body) {
        Cooperative c = cooperatives.byCode(code);
        UserAccount user = access.requirePosting(c.id());
        DomainException.require(body != null && body.entries() != null, "api.body.missing");
        DomainException.require(body.entries().size() <= LedgerLimits.MAX_BATCH_ENTRIES, "ledger.batch.too-large",
                LedgerLimits.MAX_BATCH_ENTRIES);
        DomainException.require(body.entries().stream().allMatch(java.util.Objects::nonNull), "api.entry.missing");
        List<PostingRequest> requests = body.entries().stream()
                .map(e -> toRequest(c.id(), e.idempotencyKey(), e.valueDate(), e.description(), e.sourceType(),
                        e.sourceRef(), e.lines(), user.username()))
                .toList();
        List<EntryResponse> entries = ledger.postBatch(requests).stream().map(r -> EntryResponse.of(r.entry())).toList();
        return ResponseEntity.status(HttpStatus.CREATED).body(entries);
    }

    private static PostingRequest toRequest(long cooperativeId, String key, LocalDate valueDate, String description,
                                            String sourceType, String sourceRef, List<LineRequest> lines, String actor) {
        List<PostingLine> postingLines = EntryInput.lines(lines);
        DomainException.require(valueDate != null, "ledger.value-date.missing");
        return new PostingRequest(cooperativeId, key, valueDate, description, sourceType == null ? "API" : sourceType,
                sourceRef, postingLines, actor);
    }

    @Operation(summary = "A journal entry with its lines and hash")
    @GetMapping("/journal-entries/{id}")
    public EntryResponse entry(@PathVariable String code, @PathVariable long id) {
        Cooperative c = cooperatives.byCode(code);
        access.requireRead(c.id());
        return EntryResponse.of(ledger.entry(c.id(), id));
    }

    @Operation(summary = "Ask for a reversal (maker-checker)",
            description = "202 with the request; a chair or administrator other than the asker approves it at "
                    + "POST /approvals/{id}/approve, which posts the mirror entry today, linked to the original.")
    @PostMapping("/journal-entries/{id}/reversal")
    public ResponseEntity<ApprovalResponse> reverse(@PathVariable String code, @PathVariable long id,
                                                    @RequestBody ReversalRequest body) {
        Cooperative c = cooperatives.byCode(code);
        access.requirePosting(c.id());
        DomainException.require(body != null, "api.body.missing");
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(ApprovalResponse.of(approvals.requestReversal(c.id(), id, body.reason())));
    }

    @Operation(summary = "Requests waiting for a second person, then the latest decided")
    @GetMapping("/approvals")
    public List<ApprovalResponse> approvals(@PathVariable String code) {
        Cooperative c = cooperatives.byCode(code);
        access.requireRead(c.id());
        return approvals.list(c.id()).stream().map(ApprovalResponse::of).toList();
    }

    @Operation(summary = "Approve a request of someone else (chair or administrator): carries it out")
    @PostMapping("/approvals/{id}/approve")
    public ApprovalResponse approve(@PathVariable String code, @PathVariable long id) {
        Cooperative c = cooperatives.byCode(code);
        access.requirePeriodClosing(c.id());
        return ApprovalResponse.of(approvals.approve(c.id(), id));
    }

    @Operation(summary = "Reject a request of someone else (chair or administrator)")
    @PostMapping("/approvals/{id}/reject")
    public ApprovalResponse reject(@PathVariable String code, @PathVariable long id,
                                   @RequestBody(required = false) ReversalRequest body) {
        Cooperative c = cooperatives.byCode(code);
        access.requirePeriodClosing(c.id());
        return ApprovalResponse.of(approvals.reject(c.id(), id, body == null ? null : body.reason()));
    }

    @Operation(summary = "The chart of accounts with maintained balances")
    @GetMapping("/accounts")
    public List<AccountResponse> accounts(@PathVariable String code) {
        Cooperative c = cooperatives.byCode(code);
        access.requireRead(c.id());
        List<Account> accounts = chart.accounts(c.id());
        Map<Long, String> codes = new HashMap<>();
        accounts.forEach(a -> codes.put(a.id(), a.code()));
        return accounts.stream().map(a -> AccountResponse.of(a, a.parentId() == null ? null : codes.get(a.parentId()))).toList();
    }

    @Operation(summary = "Open an account under an existing one (same type); 201 with the account")
    @PostMapping("/accounts")
    public ResponseEntity<AccountResponse> openAccount(@PathVariable String code, @RequestBody AccountRequest body) {
        Cooperative c = cooperatives.byCode(code);
        access.requirePosting(c.id());
        DomainException.require(body != null && body.parent() != null, "ledger.account.parent.missing");
        Account parent = chart.account(c.id(), body.parent());
        String constraint = body.constraint() == null ? "NONE" : body.constraint();
        DomainException.require(constraint.matches("NONE|NO_DEBIT_BALANCE|NO_CREDIT_BALANCE"), "ledger.account.constraint.invalid");
        Account opened = chart.open(c.id(), new NewAccount(body.code(), body.nameEn(), body.nameId(), parent.type(),
                parent.code(), body.currency() == null ? parent.currency() : body.currency(), false, null,
                "NO_DEBIT_BALANCE".equals(constraint), "NO_CREDIT_BALANCE".equals(constraint)));
        return ResponseEntity.status(HttpStatus.CREATED).body(AccountResponse.of(opened, parent.code()));
    }

    @Operation(summary = "An account's balance on its normal side at the end of a date (default today)")
    @GetMapping("/accounts/{accountCode}/balance")
    public BalanceResponse balance(@PathVariable String code, @PathVariable String accountCode,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        Cooperative c = cooperatives.byCode(code);
        access.requireRead(c.id());
        LocalDate date = asOf != null ? asOf : c.today(clock);
        Account account = chart.account(c.id(), accountCode);
        return new BalanceResponse(account.code(), account.currency(), date,
                queries.balanceAsOf(c.id(), accountCode, date).toPlainString());
    }

    @Operation(summary = "An account's statement with running balance, paged (limit at most 500)")
    @GetMapping("/accounts/{accountCode}/statement")
    public StatementResponse statement(@PathVariable String code, @PathVariable String accountCode,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                       @RequestParam(defaultValue = "0") int offset,
                                       @RequestParam(defaultValue = "100") int limit) {
        Cooperative c = cooperatives.byCode(code);
        access.requireRead(c.id());
        LocalDate end = to != null ? to : c.today(clock);
        LocalDate start = from != null ? from : end.withDayOfMonth(1);
        return StatementResponse.of(queries.statement(c.id(), accountCode, start, end, offset, limit));
    }

    @Operation(summary = "Trial balance per currency at the end of a date (default today)")
    @GetMapping("/trial-balance")
    public TrialBalanceResponse trialBalance(@PathVariable String code,
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        Cooperative c = cooperatives.byCode(code);
        access.requireRead(c.id());
        return TrialBalanceResponse.of(queries.trialBalance(c.id(), asOf != null ? asOf : c.today(clock)));
    }

    @Operation(summary = "Recompute the hash chain and the maintained balances",
            description = "With sequence and fingerprint (written down earlier, e.g. from a closing report): also "
                    + "whether today's chain still passes through them (checkpoint: PASSES, DIFFERS, NOT_REACHED, "
                    + "BROKEN_BEFORE) — history was only appended to. problem is in the caller's language, "
                    + "problemCode is stable.")
    @GetMapping("/ledger/verification")
    public VerificationResponse verification(@PathVariable String code, @RequestParam(required = false) Long sequence,
                                             @RequestParam(required = false) String fingerprint, Locale locale) {
        Cooperative c = cooperatives.byCode(code);
        access.requireRead(c.id());
        Checkpoint checkpoint = sequence == null && fingerprint == null ? null : Checkpoint.parse(sequence, fingerprint);
        return VerificationResponse.of(verifier.verify(c.id(), checkpoint), locale);
    }
}
