package org.lumbung.ledger.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.Account;
import org.lumbung.ledger.Approvals;
import org.lumbung.ledger.ChainVerification.Checkpoint;
import org.lumbung.ledger.ChainVerifier;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.LedgerAbility;
import org.lumbung.ledger.LedgerLimits;
import org.lumbung.ledger.LedgerQueries;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.NewAccount;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.ledger.PostingResult;
import org.lumbung.ledger.api.LedgerApiModels.AccountPage;
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
import org.lumbung.platform.web.Problems;
import org.lumbung.security.AccessPolicy;
import org.lumbung.security.UserAccount;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

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
    /** The API's strict reader (see StrictJson): the batches of a stream are read line by line, as a body is. */
    private final MappingJackson2HttpMessageConverter strictJson;
    private final BatchStreamSlots streamSlots;

    public LedgerApiController(CooperativeService cooperatives, AccessPolicy access, LedgerService ledger,
                               LedgerQueries queries, ChartOfAccounts chart, ChainVerifier verifier,
                               Approvals approvals, Clock clock, MappingJackson2HttpMessageConverter strictJson,
                               BatchStreamSlots streamSlots) {
        this.cooperatives = cooperatives;
        this.access = access;
        this.ledger = ledger;
        this.queries = queries;
        this.chart = chart;
        this.verifier = verifier;
        this.approvals = approvals;
        this.clock = clock;
        this.strictJson = strictJson;
        this.streamSlots = streamSlots;
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
        UserAccount user = access.require(c.id(), LedgerAbility.POST_ENTRY);
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
        UserAccount user = access.require(c.id(), LedgerAbility.POST_ENTRY);
        List<EntryResponse> entries = ledger.postBatch(toRequests(c.id(), body, user.username())).stream()
                .map(r -> EntryResponse.of(r.entry())).toList();
        return ResponseEntity.status(HttpStatus.CREATED).body(entries);
    }

    @Operation(summary = "Post many batches, one per line (NDJSON), each in its own transaction",
            description = "The body is NDJSON (Content-Type: application/x-ndjson): each line one batch, the object POST "
                    + "/journal-entries/batch takes; blank lines are skipped and not counted; at most 1,000 batches. "
                    + "The ledger keeps three batches in flight, each booked all or none. The answer is 200 NDJSON, "
                    + "one line per batch in the body's order, written as each batch commits: "
                    + "{\"batch\":n,\"status\":201,\"entries\":[{\"id\",\"sequence\",\"idempotencyKey\",\"replayed\"}]} "
                    + "(200 when every entry was posted before), or {\"batch\":n,\"status\":4xx,\"problem\":{…}} for a "
                    + "batch the ledger refuses (balance, accounts, keys, descriptions, dates); the batches after it go "
                    + "on. A line that cannot be read as a batch (malformed JSON or a field of the wrong type, a "
                    + "missing field, an amount that is no plain decimal, more than 1,000 entries) ends the stream: "
                    + "its problem is the last line and nothing after it is read; if it is the first line, the whole "
                    + "answer is that problem. Two streams are posted at a time; a third is answered 503 with "
                    + "Retry-After. Sending the same body again replays it (every entry has its key).")
    @PostMapping("/journal-entries/batches")
    public void postBatches(@PathVariable String code, HttpServletRequest request, HttpServletResponse response,
                            Locale locale) throws IOException {
        Cooperative c = cooperatives.byCode(code);
        UserAccount user = access.require(c.id(), LedgerAbility.POST_ENTRY);
        if (!streamSlots.tryEnter()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            Problems.write(response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "api.streams.busy", locale,
                    BatchStreamSlots.AT_ONCE));
            return;
        }
        try {
            postStream(c.id(), user.username(), request, response, locale);
        } finally {
            streamSlots.leave();
        }
    }

    private void postStream(long cooperativeId, String actor, HttpServletRequest request, HttpServletResponse response,
                            Locale locale) throws IOException {
        BatchLines source = new BatchLines(request.getReader(), strictJson.getObjectMapper().readerFor(BatchRequest.class),
                body -> toRequests(cooperativeId, body, actor));
        BatchStream answer = new BatchStream(response, strictJson.getObjectMapper(), locale);
        try {
            ledger.postBatches(cooperativeId, source, answer::write);
            answer.end(source.read(), source.stopped(locale));
        } catch (RuntimeException e) {
            if (!answer.begun()) {
                throw e; // nothing answered yet: a problem like any other
            }
            answer.failed(e); // after every batch that committed (nothing, if the client has gone)
        }
    }

    private static List<PostingRequest> toRequests(long cooperativeId, BatchRequest body, String actor) {
        DomainException.require(body != null && body.entries() != null, "api.body.missing");
        DomainException.require(body.entries().size() <= LedgerLimits.MAX_BATCH_ENTRIES, "ledger.batch.too-large",
                LedgerLimits.MAX_BATCH_ENTRIES);
        DomainException.require(body.entries().stream().allMatch(Objects::nonNull), "api.entry.missing");
        return body.entries().stream()
                .map(e -> toRequest(cooperativeId, e.idempotencyKey(), e.valueDate(), e.description(), e.sourceType(),
                        e.sourceRef(), e.lines(), actor))
                .toList();
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
        access.require(c.id(), LedgerAbility.POST_ENTRY);
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
        access.require(c.id(), LedgerAbility.DECIDE_APPROVAL);
        return ApprovalResponse.of(approvals.approve(c.id(), id));
    }

    @Operation(summary = "Reject a request of someone else (chair or administrator)")
    @PostMapping("/approvals/{id}/reject")
    public ApprovalResponse reject(@PathVariable String code, @PathVariable long id,
                                   @RequestBody(required = false) @Nullable ReversalRequest body) {
        Cooperative c = cooperatives.byCode(code);
        access.require(c.id(), LedgerAbility.DECIDE_APPROVAL);
        return ApprovalResponse.of(approvals.reject(c.id(), id, body == null ? null : body.reason()));
    }

    @Operation(summary = "The chart of accounts with maintained balances, paged in code order (limit at most 500)",
            description = "Members' sub-accounts included; `total` counts every account, so a client pages until "
                    + "offset + accounts.length = total.")
    @GetMapping("/accounts")
    public AccountPage accounts(@PathVariable String code, @RequestParam(defaultValue = "0") int offset,
                                @RequestParam(defaultValue = "500") int limit) {
        Cooperative c = cooperatives.byCode(code);
        access.requireRead(c.id());
        List<Account> accounts = chart.accounts(c.id(), offset, limit);
        Map<Long, String> parents = chart.codes(c.id(), accounts.stream().map(Account::parentId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        return new AccountPage(chart.accountCount(c.id()), offset,
                accounts.stream().map(a -> AccountResponse.of(a, a.parentId() == null ? null : parents.get(a.parentId()))).toList());
    }

    @Operation(summary = "Open an account under an existing one (same type); 201 with the account")
    @PostMapping("/accounts")
    public ResponseEntity<AccountResponse> openAccount(@PathVariable String code, @RequestBody AccountRequest body) {
        Cooperative c = cooperatives.byCode(code);
        access.require(c.id(), LedgerAbility.POST_ENTRY);
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

    @Operation(summary = "Trial balance per currency at the end of a date (default today)",
            description = "Every postable general-ledger account, members' sub-accounts rolled up into their control "
                    + "account. With detail=members: every postable account on its own, paged in code order (limit at "
                    + "most 500), with the number of lines (`total`) and the totals of all of them.")
    @GetMapping("/trial-balance")
    public TrialBalanceResponse trialBalance(@PathVariable String code,
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                             @Parameter(description = "members: list members' sub-accounts one by one")
                                             @RequestParam(required = false) String detail,
                                             @RequestParam(defaultValue = "0") int offset,
                                             @RequestParam(defaultValue = "500") int limit) {
        Cooperative c = cooperatives.byCode(code);
        access.requireRead(c.id());
        DomainException.require(detail == null || "members".equals(detail), "ledger.trial-balance.detail");
        LocalDate date = asOf != null ? asOf : c.today(clock);
        return TrialBalanceResponse.of(detail == null ? queries.trialBalance(c.id(), date)
                : queries.trialBalanceDetail(c.id(), date, offset, limit));
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
