package org.lumbung.loans.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.lumbung.loans.Disbursement;
import org.lumbung.loans.Loan;
import org.lumbung.loans.LoanAbility;
import org.lumbung.loans.LoanApplication;
import org.lumbung.loans.LoanProductService;
import org.lumbung.loans.LoanRepayments;
import org.lumbung.loans.LoanService;
import org.lumbung.loans.LoanStatus;
import org.lumbung.loans.LoanTransaction;
import org.lumbung.loans.Repayment;
import org.lumbung.loans.api.LoanApiModels.ApplicationBody;
import org.lumbung.loans.api.LoanApiModels.ApprovalBody;
import org.lumbung.loans.api.LoanApiModels.DisbursementBody;
import org.lumbung.loans.api.LoanApiModels.LoanPage;
import org.lumbung.loans.api.LoanApiModels.LoanResponse;
import org.lumbung.loans.api.LoanApiModels.LoanSummary;
import org.lumbung.loans.api.LoanApiModels.ProductBody;
import org.lumbung.loans.api.LoanApiModels.ProductResponse;
import org.lumbung.loans.api.LoanApiModels.RejectionBody;
import org.lumbung.loans.api.LoanApiModels.RepaymentBody;
import org.lumbung.loans.api.LoanApiModels.SplitResponse;
import org.lumbung.loans.api.LoanApiModels.TransactionResponse;
import org.lumbung.platform.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Objects;

/**
 * The loans' integration API, cooperative named by its code. Commands that move money take an
 * {@code Idempotency-Key} header (8-80 of A-Z a-z 0-9 . _ : -): the same key again answers what it did the first
 * time (200 instead of 201) and books nothing twice.
 */
@RestController
@RequestMapping("/api/v1/cooperatives/{code}")
@Tag(name = "Loans", description = "Loan products, applications, decisions, disbursement, repayments, schedules")
public class LoanApiController {

    private static final String KEY = "made by the client before it submits, 8-80 of A-Z a-z 0-9 . _ : -";

    private final LoanProductService products;
    private final LoanService loans;
    private final LoanRepayments repayments;
    private final LoanApiAnswers answers;

    public LoanApiController(LoanProductService products, LoanService loans, LoanRepayments repayments,
                             LoanApiAnswers answers) {
        this.products = products;
        this.loans = loans;
        this.repayments = repayments;
        this.answers = answers;
    }

    @Operation(summary = "The cooperative's loan products")
    @GetMapping("/loan-products")
    public List<ProductResponse> products(@PathVariable String code) {
        return products.products(answers.cooperative(code, LoanAbility.READ_LOANS)).stream().map(ProductResponse::of).toList();
    }

    @Operation(summary = "Create a loan product (chair, administrator)")
    @PostMapping("/loan-products")
    public ResponseEntity<ProductResponse> createProduct(@PathVariable String code, @RequestBody ProductBody body) {
        long c = answers.cooperative(code, LoanAbility.MANAGE_LOAN_PRODUCTS);
        return ResponseEntity.status(HttpStatus.CREATED).body(ProductResponse.of(products.create(c, ApiInput.product(body))));
    }

    @Operation(summary = "Edit a loan product's settings (its code stays); loans applied for keep their terms")
    @PutMapping("/loan-products/{productId}")
    public ProductResponse editProduct(@PathVariable String code, @PathVariable long productId, @RequestBody ProductBody body) {
        long c = answers.cooperative(code, LoanAbility.MANAGE_LOAN_PRODUCTS);
        return ProductResponse.of(products.edit(c, productId, ApiInput.product(body)));
    }

    @Operation(summary = "Apply for a loan", description = "201 with the application; 200 with the same application "
            + "when the Idempotency-Key was used for it before; 409 when it was used for another.")
    @PostMapping("/loans")
    public ResponseEntity<LoanResponse> apply(@PathVariable String code,
                                              @Parameter(description = KEY) @RequestHeader("Idempotency-Key") String key,
                                              @RequestBody ApplicationBody body) {
        long c = answers.cooperative(code, LoanAbility.APPLY_LOAN);
        DomainException.require(body != null, "api.body.missing");
        DomainException.require(body.memberId() != null, "loans.application.missing");
        DomainException.require(body.productId() != null, "loans.product.incomplete");
        List<Long> guarantors = body.guarantorIds() == null ? List.of() : body.guarantorIds();
        DomainException.require(guarantors.stream().noneMatch(Objects::isNull), "loans.guarantor.missing");
        boolean known = key != null && loans.applicationOf(c, key).isPresent();
        Loan loan = loans.apply(c, new LoanApplication(body.memberId(), body.productId(),
                ApiInput.decimal(body.amount(), "money.amount.missing"), ApiInput.whole(body.instalments(), "loans.product.instalments"),
                body.firstDueDate(), body.purposeCategory(), body.purpose(), body.loanOfficer(),
                guarantors, body.collateralNotes(), body.savingsAccountId(),
                key));
        return ResponseEntity.status(known ? HttpStatus.OK : HttpStatus.CREATED).body(response(c, loan));
    }

    @Operation(summary = "A loan with its schedule, transactions and balances")
    @GetMapping("/loans/{loanId}")
    public LoanResponse loan(@PathVariable String code, @PathVariable long loanId) {
        long c = answers.cooperative(code, LoanAbility.READ_LOANS);
        return response(c, loans.loan(c, loanId));
    }

    @Operation(summary = "The cooperative's loans in a status, latest first, a page at a time",
            description = "status: APPLIED, APPROVED, REJECTED, ACTIVE, CLOSED or WRITTEN_OFF; limit at most 500. "
                    + "`total` counts every loan in the status: a client pages until offset + loans.length = total.")
    @GetMapping("/loans")
    public LoanPage list(@PathVariable String code, @RequestParam(required = false) @Nullable String status,
                         @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
        long c = answers.cooperative(code, LoanAbility.READ_LOANS);
        LoanStatus s = ApiInput.choice(LoanStatus.class, status, "loans.status.missing");
        return new LoanPage(loans.countIn(c, s), offset, loans.loansIn(c, s, offset, limit).stream().map(LoanSummary::of).toList());
    }

    @Operation(summary = "A member's loans, latest first")
    @GetMapping("/members/{memberId}/loans")
    public List<LoanSummary> memberLoans(@PathVariable String code, @PathVariable long memberId) {
        long c = answers.cooperative(code, LoanAbility.READ_LOANS);
        return loans.loansOf(c, memberId).stream().map(LoanSummary::of).toList();
    }

    @Operation(summary = "Approve an application (someone other than who entered it)",
            description = "A limitOverrideReason overrides the legal lending limit; the approver and the reason are kept.")
    @PostMapping("/loans/{loanId}/approval")
    public LoanResponse approve(@PathVariable String code, @PathVariable long loanId, @RequestBody ApprovalBody body) {
        long c = answers.cooperative(code, LoanAbility.APPROVE_LOAN);
        DomainException.require(body != null, "api.body.missing");
        return response(c, loans.approve(c, loanId, body.note(), body.limitOverrideReason()));
    }

    @Operation(summary = "Reject an application, with the reason (someone other than who entered it)")
    @PostMapping("/loans/{loanId}/rejection")
    public LoanResponse reject(@PathVariable String code, @PathVariable long loanId, @RequestBody RejectionBody body) {
        long c = answers.cooperative(code, LoanAbility.APPROVE_LOAN);
        DomainException.require(body != null, "api.body.missing");
        return response(c, loans.reject(c, loanId, body.reason()));
    }

    @Operation(summary = "Disburse an approved loan in cash or into the linked savings",
            description = "201 with the disbursement; 200 with it when the Idempotency-Key was used for it before.")
    @PostMapping("/loans/{loanId}/disbursement")
    public ResponseEntity<TransactionResponse> disburse(@PathVariable String code, @PathVariable long loanId,
                                                        @Parameter(description = KEY) @RequestHeader("Idempotency-Key") String key,
                                                        @RequestBody DisbursementBody body) {
        long c = answers.cooperative(code, LoanAbility.DISBURSE_LOAN);
        DomainException.require(body != null, "api.body.missing");
        int before = loans.transactions(c, loanId).size();
        LoanTransaction t = loans.disburse(c, loanId, new Disbursement(body.valueDate(), body.channel(), key));
        return created(c, loanId, before, t);
    }

    @Operation(summary = "How a repayment of this amount would split, before it is saved")
    @GetMapping("/loans/{loanId}/repayment-preview")
    public SplitResponse preview(@PathVariable String code, @PathVariable long loanId,
                                 @RequestParam(required = false) @Nullable String amount) {
        long c = answers.cooperative(code, LoanAbility.READ_LOANS);
        return SplitResponse.of(repayments.preview(c, loanId, ApiInput.decimal(amount, "money.amount.missing")));
    }

    @Operation(summary = "Record a repayment; the answer carries its split",
            description = "201 with the repayment; 200 with it when the Idempotency-Key was used for it before.")
    @PostMapping("/loans/{loanId}/repayments")
    public ResponseEntity<TransactionResponse> repay(@PathVariable String code, @PathVariable long loanId,
                                                     @Parameter(description = KEY) @RequestHeader("Idempotency-Key") String key,
                                                     @RequestBody RepaymentBody body) {
        long c = answers.cooperative(code, LoanAbility.RECORD_REPAYMENT);
        DomainException.require(body != null, "api.body.missing");
        int before = loans.transactions(c, loanId).size();
        LoanTransaction t = repayments.repay(c, loanId, new Repayment(ApiInput.decimal(body.amount(), "money.amount.missing"),
                body.valueDate(), body.channel(), body.note(), key));
        return created(c, loanId, before, t);
    }

    private ResponseEntity<TransactionResponse> created(long c, long loanId, int before, LoanTransaction t) {
        return answers.created(c, loanId, before, t);
    }

    private LoanResponse response(long c, Loan loan) {
        return answers.response(c, loan);
    }
}
