package org.lumbung.loans.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.lumbung.loans.LoanAbility;
import org.lumbung.loans.LoanReceipt;
import org.lumbung.loans.LoanRepayments;
import org.lumbung.loans.LoanService;
import org.lumbung.loans.LoanTransaction;
import org.lumbung.loans.LoanWorkouts;
import org.lumbung.loans.Repayment;
import org.lumbung.loans.Reschedule;
import org.lumbung.loans.api.LoanApiModels.LoanResponse;
import org.lumbung.loans.api.LoanApiModels.PayoffQuoteResponse;
import org.lumbung.loans.api.LoanApiModels.RepaymentBody;
import org.lumbung.loans.api.LoanApiModels.RescheduleBody;
import org.lumbung.loans.api.LoanApiModels.TransactionResponse;
import org.lumbung.loans.api.LoanApiModels.WriteOffBody;
import org.lumbung.loans.api.LoanApiModels.WriteOffRequestBody;
import org.lumbung.platform.DomainException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A loan's workouts through the API: payoff quote and payoff, write-off (asked for by one person, carried out
 * or refused by another), recovery after a write-off, rescheduling, and a payment's receipt. Every refusal
 * is a problem document with the services' stable code; commands that book take an {@code Idempotency-Key}.
 */
@RestController
@RequestMapping("/api/v1/cooperatives/{code}/loans/{loanId}")
@Tag(name = "Loans", description = "Loan products, applications, decisions, disbursement, repayments, schedules")
public class LoanWorkoutApiController {

    private static final String KEY = "made by the client before it submits, 8-80 of A-Z a-z 0-9 . _ : -";

    private final LoanService loans;
    private final LoanRepayments repayments;
    private final LoanWorkouts workouts;
    private final LoanReceipt receipts;
    private final LoanApiAnswers answers;

    public LoanWorkoutApiController(LoanService loans, LoanRepayments repayments, LoanWorkouts workouts,
                                    LoanReceipt receipts, LoanApiAnswers answers) {
        this.loans = loans;
        this.repayments = repayments;
        this.workouts = workouts;
        this.receipts = receipts;
        this.answers = answers;
    }

    @Operation(summary = "What paying the loan off on a date takes, by component (the loan's prepayment rule)")
    @GetMapping("/payoff-quote")
    public PayoffQuoteResponse payoffQuote(@PathVariable String code, @PathVariable long loanId,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date) {
        long c = answers.cooperative(code, LoanAbility.READ_LOANS);
        var quote = repayments.payoffQuote(c, loanId, date);
        // the quote refused a missing date
        return PayoffQuoteResponse.of(Objects.requireNonNull(date), quote);
    }

    @Operation(summary = "Pay the loan off with exactly its quote of the value date; later interest is waived",
            description = "201 with the payoff; 200 with it when the Idempotency-Key was used for it before.")
    @PostMapping("/payoff")
    public ResponseEntity<TransactionResponse> payOff(@PathVariable String code, @PathVariable long loanId,
                                                      @Parameter(description = KEY) @RequestHeader("Idempotency-Key") String key,
                                                      @RequestBody RepaymentBody body) {
        long c = answers.cooperative(code, LoanAbility.RECORD_REPAYMENT);
        DomainException.require(body != null, "api.body.missing");
        int before = loans.transactions(c, loanId).size();
        LoanTransaction t = repayments.payOff(c, loanId, repayment(body, key));
        return answers.created(c, loanId, before, t);
    }

    @Operation(summary = "Ask for the loan's write-off, with the reason (carried out or refused by someone else)")
    @PostMapping("/write-off-request")
    public LoanResponse requestWriteOff(@PathVariable String code, @PathVariable long loanId, @RequestBody WriteOffRequestBody body) {
        long c = answers.cooperative(code, LoanAbility.APPLY_LOAN);
        DomainException.require(body != null, "api.body.missing");
        return answers.response(c, workouts.requestWriteOff(c, loanId, body.reason()));
    }

    @Operation(summary = "Refuse a write-off someone asked for: the request is taken back, the loan goes on")
    @DeleteMapping("/write-off-request")
    public LoanResponse withdrawWriteOff(@PathVariable String code, @PathVariable long loanId) {
        long c = answers.cooperative(code, LoanAbility.WRITE_OFF_LOAN);
        return answers.response(c, workouts.withdrawWriteOff(c, loanId));
    }

    @Operation(summary = "Carry out a write-off someone else asked for (a person, not an API token)",
            description = "201 with the write-off; 200 with it when the Idempotency-Key was used for it before.")
    @PostMapping("/write-off")
    public ResponseEntity<TransactionResponse> writeOff(@PathVariable String code, @PathVariable long loanId,
                                                        @Parameter(description = KEY) @RequestHeader("Idempotency-Key") String key,
                                                        @RequestBody WriteOffBody body) {
        long c = answers.cooperative(code, LoanAbility.WRITE_OFF_LOAN);
        DomainException.require(body != null, "api.body.missing");
        int before = loans.transactions(c, loanId).size();
        return answers.created(c, loanId, before, workouts.writeOff(c, loanId, body.valueDate(), key));
    }

    @Operation(summary = "Record money recovered on a written-off loan (income, at most what was unpaid)",
            description = "201 with the recovery; 200 with it when the Idempotency-Key was used for it before.")
    @PostMapping("/recoveries")
    public ResponseEntity<TransactionResponse> recover(@PathVariable String code, @PathVariable long loanId,
                                                       @Parameter(description = KEY) @RequestHeader("Idempotency-Key") String key,
                                                       @RequestBody RepaymentBody body) {
        long c = answers.cooperative(code, LoanAbility.RECORD_REPAYMENT);
        DomainException.require(body != null, "api.body.missing");
        int before = loans.transactions(c, loanId).size();
        return answers.created(c, loanId, before, repayments.recover(c, loanId, repayment(body, key)));
    }

    @Operation(summary = "A new schedule for the outstanding principal; the old one is kept, the loan flagged restructured",
            description = "allocationOrder null keeps the loan's. The same Idempotency-Key again answers the loan, rescheduled once.")
    @PostMapping("/reschedule")
    public LoanResponse reschedule(@PathVariable String code, @PathVariable long loanId,
                                   @Parameter(description = KEY) @RequestHeader("Idempotency-Key") String key,
                                   @RequestBody RescheduleBody body) {
        long c = answers.cooperative(code, LoanAbility.APPLY_LOAN);
        DomainException.require(body != null, "api.body.missing");
        return answers.response(c, workouts.reschedule(c, loanId, new Reschedule(body.valueDate(),
                ApiInput.whole(body.instalments(), "loans.reschedule.instalments"), body.firstDueDate(),
                body.allocationOrder(), body.reason(), key)));
    }

    @Operation(summary = "The receipt of a payment (repayment, payoff, recovery) as PDF, in the borrower's language",
            description = "transaction: the id of the loan's transaction (as the commands answer it).")
    @GetMapping(value = "/receipt", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public ResponseEntity<byte[]> receipt(@PathVariable String code, @PathVariable long loanId,
                                          @RequestParam(required = false) @Nullable Long transaction) {
        long c = answers.cooperative(code, LoanAbility.READ_LOANS);
        DomainException.require(transaction != null, "loans.receipt.transaction.missing");
        long transactionId = transaction;
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"loan-receipt-" + transactionId + ".pdf\"")
                .body(receipts.pdf(c, loanId, transactionId));
    }

    private static Repayment repayment(RepaymentBody body, String key) {
        return new Repayment(ApiInput.decimal(body.amount(), "money.amount.missing"), body.valueDate(), body.channel(),
                body.note(), key);
    }
}
