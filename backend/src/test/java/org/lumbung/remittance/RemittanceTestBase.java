package org.lumbung.remittance;

import org.junit.jupiter.api.AfterEach;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.ChainVerifier;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.members.NewMember;
import org.lumbung.savings.InterestMethod;
import org.lumbung.savings.InterestPosting;
import org.lumbung.savings.NewSavingsProduct;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.savings.SavingsKind;
import org.lumbung.savings.SavingsProducts;
import org.lumbung.savings.SavingsService;
import org.lumbung.testsupport.DatabaseTest;
import org.lumbung.testsupport.LedgerInvariants;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;


/** A cooperative with mandatory and voluntary savings and a member; the ledger's invariants checked after each test. */
abstract class RemittanceTestBase extends DatabaseTest {

    static final LocalDate NOV_27 = LocalDate.of(2026, 11, 27);

    @Autowired
    RemittanceService remittances;
    @Autowired
    SavingsService savings;
    @Autowired
    SavingsProducts products;
    @Autowired
    MemberService members;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    LedgerService ledger;

    Cooperative coop;

    Cooperative cooperative(String code) {
        coop = newCooperative(code);
        products.create(coop.id(), new NewSavingsProduct("WAJIB", "Mandatory savings", "Simpanan Wajib", SavingsKind.MANDATORY, "IDR",
                "3200", null, new BigDecimal("25000"), null, BigDecimal.ZERO, InterestMethod.NONE, InterestPosting.MONTHLY, null, null));
        products.create(coop.id(), new NewSavingsProduct("SUKARELA", "Voluntary savings", "Simpanan Sukarela", SavingsKind.VOLUNTARY,
                "IDR", "2100", null, null, BigDecimal.ZERO, BigDecimal.ZERO, InterestMethod.NONE, InterestPosting.MONTHLY, null, null));
        ledger.post(new PostingRequest(coop.id(), key(), LocalDate.of(2026, 1, 2), "Opening cash", "MANUAL", null, List.of(
                PostingLine.debit("1100", new BigDecimal("100000000.00")), PostingLine.credit("3900", new BigDecimal("100000000.00"))),
                "test-admin"));
        return coop;
    }

    Member member(String name) {
        return members.register(coop.id(), NewMember.basic(name, "F", "Ngrupit", null, LocalDate.of(2025, 1, 6)));
    }

    SavingsAccount account(Member m, SavingsKind kind) {
        return savings.accounts(coop.id(), m.id()).stream().filter(a -> a.kind() == kind).findFirst().orElseThrow();
    }

    /** A remittance of MYR at an entered rate, converted by a money transfer operator. */
    static NewRemittance myr(Member m, String sent, String rate, List<NewAllocation> parts) {
        return new NewRemittance(m.id(), NOV_27, "MY", RemittanceChannel.MONEY_TRANSFER_OPERATOR, null, "MYR",
                new BigDecimal(sent), new BigDecimal("12.00"), rate == null ? null : new BigDecimal(rate), parts, null, key());
    }

    static NewAllocation cash(String amount) {
        return new NewAllocation(AllocationKind.CASH, new BigDecimal(amount), null);
    }

    static NewAllocation toSavings(SavingsAccount a, String amount) {
        return new NewAllocation(AllocationKind.SAVINGS, new BigDecimal(amount), a.number());
    }

    static NewAllocation fee(String amount) {
        return new NewAllocation(AllocationKind.FEE, new BigDecimal(amount), null);
    }

    @AfterEach
    void ledgerInvariantsHold() {
        if (coop != null) {
            LedgerInvariants.assertHold(dsl, verifier, coop.id());
        }
    }
}
