package org.lumbung.savings.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.api.EntryInput;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.members.api.MemberApiController;
import org.lumbung.platform.DomainException;
import org.lumbung.savings.Booked;
import org.lumbung.savings.Movement;
import org.lumbung.savings.SavingsAbility;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.savings.SavingsService;
import org.lumbung.savings.api.SavingsApiModels.AccountResponse;
import org.lumbung.savings.api.SavingsApiModels.BookedResponse;
import org.lumbung.savings.api.SavingsApiModels.MovementRequest;
import org.lumbung.savings.api.SavingsApiModels.PayoutQuoteResponse;
import org.lumbung.savings.api.SavingsApiModels.TransactionPage;
import org.lumbung.savings.api.SavingsApiModels.TransactionResponse;
import org.lumbung.security.AccessPolicy;
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
import java.util.List;
import java.util.function.BiFunction;

/**
 * A member's savings for integrations: accounts with balances, deposits and withdrawals through the same
 * services as the screens (a voluntary account's minimum balance is checked under the ledger's locks; share
 * capital and mandatory savings are never withdrawn), each answered with its receipt and journal entry.
 */
@RestController
@RequestMapping("/api/v1/cooperatives/{code}/members/{memberNumber}/savings-accounts")
@Tag(name = "Savings", description = "A member's savings accounts, deposits, withdrawals and transactions")
public class SavingsApiController {

    private final CooperativeService cooperatives;
    private final AccessPolicy access;
    private final MemberService members;
    private final SavingsService savings;
    private final LedgerService ledger;
    private final Clock clock;

    public SavingsApiController(CooperativeService cooperatives, AccessPolicy access, MemberService members,
                                SavingsService savings, LedgerService ledger, Clock clock) {
        this.cooperatives = cooperatives;
        this.access = access;
        this.members = members;
        this.savings = savings;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Operation(summary = "A member's savings accounts with their balances (the ledger's)")
    @GetMapping
    public List<AccountResponse> accounts(@PathVariable String code, @PathVariable int memberNumber) {
        Cooperative c = cooperatives.byCode(code);
        access.require(c.id(), SavingsAbility.READ_SAVINGS);
        Member m = MemberApiController.byNumber(members, c.id(), memberNumber);
        return savings.accounts(c.id(), m.id()).stream().map(AccountResponse::of).toList();
    }

    @Operation(summary = "Deposit into an account; 201 with the receipt and journal entry",
            description = "200 with the same receipt when the same Idempotency-Key and content came before; 409 when "
                    + "the key was used for other content; 422 for a refusal of the savings rules.")
    @PostMapping("/{accountNumber}/deposits")
    public ResponseEntity<BookedResponse> deposit(@PathVariable String code, @PathVariable int memberNumber,
                                                  @PathVariable String accountNumber,
                                                  @Parameter(description = "made by the client before it submits, 8-80 of A-Z a-z 0-9 . _ : -")
                                                  @RequestHeader("Idempotency-Key") String idempotencyKey,
                                                  @RequestBody @Nullable MovementRequest body) {
        return move(code, memberNumber, accountNumber, idempotencyKey, body, savings::deposit);
    }

    @Operation(summary = "Withdraw from an account; 201 with the receipt and journal entry",
            description = "The same rules as the withdrawal form: never below the product's minimum balance (checked "
                    + "under the ledger's locks), never from share capital or mandatory savings; idempotent like deposits.")
    @PostMapping("/{accountNumber}/withdrawals")
    public ResponseEntity<BookedResponse> withdraw(@PathVariable String code, @PathVariable int memberNumber,
                                                   @PathVariable String accountNumber,
                                                   @Parameter(description = "made by the client before it submits, 8-80 of A-Z a-z 0-9 . _ : -")
                                                   @RequestHeader("Idempotency-Key") String idempotencyKey,
                                                   @RequestBody @Nullable MovementRequest body) {
        return move(code, memberNumber, accountNumber, idempotencyKey, body, savings::withdraw);
    }

    @Operation(summary = "What paying a time deposit out on a date gives",
            description = "Its balance, the interest earned since an interest run last paid it (booked with the payout), the "
                    + "penalty before maturity and the cash the member receives. A withdrawal from a time deposit must be "
                    + "`amount`, balance and interest together. `on` defaults to today at the cooperative.")
    @GetMapping("/{accountNumber}/payout-quote")
    public PayoutQuoteResponse payoutQuote(@PathVariable String code, @PathVariable int memberNumber,
                                           @PathVariable String accountNumber,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                           @Nullable LocalDate on) {
        Cooperative c = cooperatives.byCode(code);
        access.require(c.id(), SavingsAbility.READ_SAVINGS);
        SavingsAccount a = account(c, memberNumber, accountNumber);
        LocalDate day = on == null ? c.today(clock) : on;
        return PayoutQuoteResponse.of(a.number(), day, savings.payoutQuote(c.id(), a.id(), day));
    }

    @Operation(summary = "An account's transactions, newest first, paged (limit at most 500)")
    @GetMapping("/{accountNumber}/transactions")
    public TransactionPage transactions(@PathVariable String code, @PathVariable int memberNumber,
                                        @PathVariable String accountNumber,
                                        @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
        Cooperative c = cooperatives.byCode(code);
        access.require(c.id(), SavingsAbility.READ_SAVINGS);
        SavingsAccount a = account(c, memberNumber, accountNumber);
        return new TransactionPage(savings.accountTransactionCount(c.id(), a.id()), offset,
                savings.accountTransactions(c.id(), a.id(), offset, limit).stream().map(TransactionResponse::of).toList());
    }

    private ResponseEntity<BookedResponse> move(String code, int memberNumber, String accountNumber, String idempotencyKey,
                                                @Nullable MovementRequest body, BiFunction<Long, Movement, Booked> command) {
        Cooperative c = cooperatives.byCode(code);
        access.require(c.id(), SavingsAbility.RECORD_SAVINGS);
        DomainException.require(body != null, "api.body.missing");
        SavingsAccount a = account(c, memberNumber, accountNumber);
        Booked booked = command.apply(c.id(), new Movement(a.id(), EntryInput.amount(body.amount()),
                body.valueDate() == null ? c.today(clock) : body.valueDate(), body.note(), idempotencyKey));
        long sequence = ledger.entry(c.id(), booked.transaction().journalEntryId()).sequence();
        return ResponseEntity.status(booked.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(BookedResponse.of(booked, sequence));
    }

    /** The member's account of that number; not found for another member's, as for another cooperative's. */
    private SavingsAccount account(Cooperative c, int memberNumber, String accountNumber) {
        Member m = MemberApiController.byNumber(members, c.id(), memberNumber);
        return savings.accounts(c.id(), m.id()).stream().filter(a -> a.number().equals(accountNumber)).findFirst()
                .orElseThrow(() -> DomainException.notFound("savings.account.not-found", accountNumber));
    }
}
