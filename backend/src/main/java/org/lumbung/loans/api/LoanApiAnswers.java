package org.lumbung.loans.api;

import org.lumbung.loans.Loan;
import org.lumbung.loans.LoanService;
import org.lumbung.loans.LoanTransaction;
import org.lumbung.loans.api.LoanApiModels.LoanResponse;
import org.lumbung.loans.api.LoanApiModels.TransactionResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** How the loans' API controllers answer: a loan with its schedule and transactions, a transaction made now or replayed. */
final class LoanApiAnswers {

    private final LoanService loans;

    LoanApiAnswers(LoanService loans) {
        this.loans = loans;
    }

    /** 201 when the command made a transaction now, 200 when it answered one made before with the same key. */
    ResponseEntity<TransactionResponse> created(long c, long loanId, int before, LoanTransaction t) {
        boolean replayed = loans.transactions(c, loanId).size() == before;
        return ResponseEntity.status(replayed ? HttpStatus.OK : HttpStatus.CREATED).body(TransactionResponse.of(t));
    }

    LoanResponse response(long c, Loan loan) {
        return LoanResponse.of(loan, loans.schedule(c, loan.id(), null), loans.transactions(c, loan.id()));
    }
}
