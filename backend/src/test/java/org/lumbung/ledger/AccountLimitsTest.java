package org.lumbung.ledger;

import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.members.NewMember;
import org.lumbung.platform.DomainException;
import org.lumbung.testsupport.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lumbung.db.jooq.Tables.LEDGER_ACCOUNT;

/** The chart's limits hold when several openings race for the last places. */
class AccountLimitsTest extends DatabaseTest {

    static final int RACERS = 12;
    static final int PLACES_LEFT = 4;

    @Autowired
    ChartOfAccounts chart;
    @Autowired
    MemberService members;

    @Test
    void aMembersSubAccountsStopAtTheLimitWhenTwelveOpenAtOnceForTheLastFourPlaces() throws Exception {
        Cooperative c = newCooperative("limits-member");
        Member m = members.register(c.id(), NewMember.basic("Siti Batas", "F", "Ngrupit", null, LocalDate.now().minusDays(1)));
        for (int i = accountsOf(m); i < LedgerLimits.MAX_MEMBER_ACCOUNTS - PLACES_LEFT; i++) {
            chart.open(c.id(), subAccount(m, "seq" + i));
        }
        Authentication admin = SecurityContextHolder.getContext().getAuthentication();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        List<Future<Boolean>> opened = new ArrayList<>();
        for (int t = 0; t < RACERS; t++) {
            NewAccount racer = subAccount(m, "race" + t);
            opened.add(pool.submit(() -> {
                SecurityContextHolder.getContext().setAuthentication(admin);
                start.await();
                try {
                    chart.open(c.id(), racer);
                    return true;
                } catch (DomainException refused) {
                    assertThat(refused.messageKey()).isEqualTo("ledger.account.member-too-many");
                    return false;
                }
            }));
        }
        start.countDown();
        int succeeded = 0;
        for (Future<Boolean> f : opened) {
            succeeded += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertThat(succeeded).isEqualTo(PLACES_LEFT);
        assertThat(accountsOf(m)).isEqualTo(LedgerLimits.MAX_MEMBER_ACCOUNTS);
    }

    private int accountsOf(Member m) {
        return dsl.fetchCount(LEDGER_ACCOUNT, LEDGER_ACCOUNT.MEMBER_ID.eq(m.id()));
    }

    private static NewAccount subAccount(Member m, String suffix) {
        return new NewAccount("2100." + m.memberNumber() + "." + suffix, "Sub-account " + suffix, "Sub-akun " + suffix,
                AccountType.LIABILITY, "2100", "IDR", false, m.id(), true, false);
    }
}
