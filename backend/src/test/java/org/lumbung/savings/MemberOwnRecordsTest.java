package org.lumbung.savings;

import org.junit.jupiter.api.Test;
import org.lumbung.members.Member;
import org.lumbung.members.MemberSignIn;
import org.lumbung.ledger.LedgerQueries;
import org.lumbung.security.LumbungUser;
import org.lumbung.security.Role;
import org.lumbung.security.UserService;
import org.lumbung.testsupport.UniqueSuffix;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A member signed in with number and PIN sees their own savings; another member's ids are not found. */
class MemberOwnRecordsTest extends SavingsTestBase {

    @Autowired
    MemberSignIn signIn;
    @Autowired
    UserService users;
    @Autowired
    ReceiptDocument receipts;
    @Autowired
    LedgerQueries ledgerQueries;

    @Test
    void anotherMembersAccountIsNotFound() {
        cooperativeWithProducts("own-" + UniqueSuffix.next());
        Member siti = member("Siti Aminah", JAN_10);
        Member sri = member("Sri Wahyuni", JAN_10);
        Booked sitiDeposit = deposit(account(siti, SavingsKind.VOLUNTARY), "50000", JAN_10);
        SavingsAccount sriAccount = account(sri, SavingsKind.VOLUNTARY);
        Booked sriDeposit = deposit(sriAccount, "70000", JAN_10);
        refused(() -> signIn.setPin(coop.id(), siti.id(), "123456"), "user.pin.guessable");
        String username = signIn.setPin(coop.id(), siti.id(), "135790");
        assertThat(username).isEqualTo(coop.code() + "-1");

        LumbungUser member = users.loadUserByUsername(username);
        assertThat(member.account().role()).isEqualTo(Role.MEMBER);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(member, null, member.getAuthorities()));

        assertThat(savings.accounts(coop.id(), siti.id())).hasSize(3);
        assertThat(savings.transactions(coop.id(), siti.id(), 0, 10)).hasSize(1);
        assertThat(receipts.pdf(coop.id(), sitiDeposit.transaction().receiptNumber())).isNotEmpty();
        refused(() -> savings.accounts(coop.id(), sri.id()), "member.not-found");
        refused(() -> savings.account(coop.id(), sriAccount.id()), "member.not-found");
        refused(() -> savings.transactions(coop.id(), sri.id(), 0, 10), "member.not-found");
        refused(() -> members.member(coop.id(), sri.id()), "member.not-found");
        refused(() -> receipts.pdf(coop.id(), sriDeposit.transaction().receiptNumber()), "member.not-found");
        // and nothing of the staff's: the journal, deposits
        assertThatThrownBy(() -> ledgerQueries.trialBalance(coop.id(), LocalDate.now())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> deposit(account(siti, SavingsKind.VOLUNTARY), "1000", JAN_10)).isInstanceOf(AccessDeniedException.class);

        users.changeOwnPin("135790", "246813");
        refused(() -> users.changeOwnPin("135790", "975310"), "user.pin.wrong");
        coop = null; // the invariants check after the test runs as the administrator again
    }
}
