package org.lumbung.ui.ledger;

import org.lumbung.ledger.LedgerAbility;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.Account;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.security.AccessPolicy;
import org.lumbung.security.UserAccount;
import org.lumbung.ui.CurrentCooperative;

import java.util.List;
import java.util.Locale;

/** What the ledger views share: the current cooperative, the person's rights and account labels. */
@SpringComponent
public class LedgerAccess {

    private final CurrentCooperative current;
    private final AccessPolicy access;
    private final ChartOfAccounts chart;

    public LedgerAccess(CurrentCooperative current, AccessPolicy access, ChartOfAccounts chart) {
        this.current = current;
        this.access = access;
        this.chart = chart;
    }

    public Cooperative cooperative() {
        Cooperative c = current.require();
        access.requireRead(c.id());
        return c;
    }

    /** The person, refused unless they may record money movements of this cooperative. */
    public UserAccount poster() {
        return access.require(cooperative().id(), LedgerAbility.POST_ENTRY);
    }

    public UserAccount periodCloser() {
        return access.require(cooperative().id(), LedgerAbility.CLOSE_PERIOD);
    }

    public String currentUsername() {
        return current.user().username();
    }

    public boolean canPost() {
        return access.may(LedgerAbility.POST_ENTRY);
    }

    public boolean canClosePeriods() {
        return access.may(LedgerAbility.CLOSE_PERIOD);
    }

    /** Approve or reject someone else's request (maker-checker). */
    public boolean canDecide() {
        return access.may(LedgerAbility.DECIDE_APPROVAL);
    }

    public List<Account> postableAccounts() {
        return chart.generalAccounts(cooperative().id()).stream().filter(a -> !a.header()).toList();
    }

    /** "1100 — Kas": an account's code with its name, or the code alone if the chart no longer has it. */
    public String accountLabel(String code, Locale locale) {
        return chart.find(cooperative().id(), code).map(a -> label(a, locale)).orElse(code);
    }

    public static String label(Account a, Locale locale) {
        return a.code() + " — " + a.name(locale);
    }
}
