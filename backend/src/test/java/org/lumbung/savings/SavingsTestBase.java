package org.lumbung.savings;

import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.ChainVerifier;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.members.NewMember;
import org.lumbung.testsupport.DatabaseTest;
import org.lumbung.testsupport.LedgerInvariants;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;


/**
 * A cooperative with the four standard savings products (as in the sample data) and helpers to book;
 * after every test the ledger's invariants must still hold for every cooperative the test made.
 */
abstract class SavingsTestBase extends DatabaseTest {

    static final LocalDate JAN_10 = LocalDate.of(2026, 1, 10);

    @Autowired
    SavingsService savings;
    @Autowired
    SavingsProducts products;
    @Autowired
    MemberService members;
    @Autowired
    ChainVerifier verifier;

    Cooperative coop;
    Map<SavingsKind, SavingsProduct> product;

    Cooperative cooperativeWithProducts(String code) {
        coop = newCooperative(code);
        products.create(coop.id(), new NewSavingsProduct("POKOK", "Share capital", "Simpanan Pokok", SavingsKind.SHARE, "IDR",
                "3100", new BigDecimal("100000"), null, null, BigDecimal.ZERO, InterestMethod.NONE, InterestPosting.MONTHLY, null, null));
        products.create(coop.id(), new NewSavingsProduct("WAJIB", "Mandatory savings", "Simpanan Wajib", SavingsKind.MANDATORY, "IDR",
                "3200", null, new BigDecimal("25000"), null, BigDecimal.ZERO, InterestMethod.NONE, InterestPosting.MONTHLY, null, null));
        products.create(coop.id(), new NewSavingsProduct("SUKARELA", "Voluntary savings", "Simpanan Sukarela", SavingsKind.VOLUNTARY,
                "IDR", "2100", null, null, new BigDecimal("10000"), new BigDecimal("3"), InterestMethod.DAILY_BALANCE,
                InterestPosting.MONTHLY, null, null));
        products.create(coop.id(), new NewSavingsProduct("BERJANGKA", "Time deposit", "Simpanan Berjangka", SavingsKind.TIME_DEPOSIT,
                "IDR", "2200", null, null, new BigDecimal("1000000"), new BigDecimal("6"), InterestMethod.DAILY_BALANCE,
                InterestPosting.MONTHLY, 12, new BigDecimal("1")));
        product = products.products(coop.id()).stream().collect(Collectors.toMap(SavingsProduct::kind, Function.identity()));
        return coop;
    }

    Member member(String name, LocalDate joined) {
        return members.register(coop.id(), NewMember.basic(name, "F", "Ngrupit", null, joined));
    }

    SavingsAccount account(Member m, SavingsKind kind) {
        return savings.accounts(coop.id(), m.id()).stream().filter(a -> a.kind() == kind).findFirst().orElseThrow();
    }

    Booked deposit(SavingsAccount a, String amount, LocalDate on) {
        return savings.deposit(coop.id(), new Movement(a.id(), new BigDecimal(amount), on, null, key()));
    }

    Booked withdraw(SavingsAccount a, String amount, LocalDate on) {
        return savings.withdraw(coop.id(), new Movement(a.id(), new BigDecimal(amount), on, null, key()));
    }

    BigDecimal balance(SavingsAccount a) {
        return savings.account(coop.id(), a.id()).balance();
    }

    static BigDecimal idr(String amount) {
        return new BigDecimal(amount).setScale(2);
    }

    @AfterEach
    void ledgerInvariantsHold() {
        if (coop != null) {
            LedgerInvariants.assertHold(dsl, verifier, coop.id());
        }
    }

}
