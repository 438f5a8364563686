package org.lumbung.loans.api;

import org.lumbung.cooperative.CooperativeService;
import org.lumbung.loans.Loan;
import org.lumbung.loans.LoanAbility;
import org.lumbung.loans.LoanService;
import org.lumbung.loans.LoanTransaction;
import org.lumbung.loans.api.LoanApiModels.LoanResponse;
import org.lumbung.loans.api.LoanApiModels.TransactionResponse;
import org.lumbung.security.AccessPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What the loans' API controllers share: the cooperative of a path, once the caller may act in it, and how they
 * answer — a loan with its schedule and transactions, a transaction made now or replayed.
 */
@Component
class LoanApiAnswers {

    private final CooperativeService cooperatives;
    private final AccessPolicy access;
    private final LoanService loans;

    LoanApiAnswers(CooperativeService cooperatives, AccessPolicy access, LoanService loans) {
        this.cooperatives = cooperatives;
        this.access = access;
        this.loans = loans;
    }

    /** The id of the path's cooperative; refused unless the caller may do {@code ability} there. */
    long cooperative(String code, LoanAbility ability) {
        long id = cooperatives.byCode(code).id();
        access.require(id, ability);
        return id;
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
