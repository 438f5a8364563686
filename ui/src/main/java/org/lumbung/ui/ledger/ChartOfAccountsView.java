package org.lumbung.ui.ledger;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.jspecify.annotations.Nullable;
import org.lumbung.ledger.Account;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The chart of accounts as a tree with balances: each account's own balance plus those of the accounts
 * under it in the same currency (a member's savings roll up into Simpanan Sukarela).
 */
@Route("ledger/accounts")
@RequiresAbility("READ_LEDGER")
@Menu(title = "nav.chart", order = 320, icon = "vaadin:tree-table")
@MenuGroup("nav.group.ledger")
public class ChartOfAccountsView extends VerticalLayout implements HasDynamicTitle {

    public ChartOfAccountsView(LedgerAccess access, ChartOfAccounts chart, UiAudit audit) {
        setSizeFull();
        List<Account> accounts = chart.generalAccounts(access.cooperative().id());
        Map<Long, Account> byId = new HashMap<>();
        accounts.forEach(a -> byId.put(a.id(), a));
        Map<Long, BigDecimal> rollup = new HashMap<>();
        for (Account a : accounts) {
            // add this account's balance to itself and every ancestor of the same currency
            for (Account at = a; at != null; at = at.parentId() == null ? null : byId.get(at.parentId())) {
                if (at.currency().equals(a.currency())) {
                    BigDecimal signed = at.type() == a.type() ? a.balance() : a.balance().negate();
                    rollup.merge(at.id(), signed, BigDecimal::add);
                }
            }
        }
        TreeData<Account> tree = new TreeData<>();
        for (Account a : accounts) {
            Account parent = a.parentId() == null ? null : byId.get(a.parentId());
            addWithAncestors(tree, a, parent, byId);
        }
        TreeGrid<Account> grid = new TreeGrid<>();
        grid.setId("chart-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addHierarchyColumn(Account::code).setHeader(getTranslation("chart.code")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.name(getLocale())).setHeader(getTranslation("chart.name")).setFlexGrow(3);
        grid.addColumn(a -> getTranslation("account.type." + a.type().name())).setHeader(getTranslation("chart.type")).setAutoWidth(true);
        grid.addColumn(Account::currency).setHeader(getTranslation("chart.currency")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> Formats.amount(rollup.getOrDefault(a.id(), BigDecimal.ZERO), a.currency(), getLocale()))
                .setHeader(getTranslation("chart.balance")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(a -> a.debitsMustNotExceedCredits() ? getTranslation("chart.flag.no-debit")
                : a.creditsMustNotExceedDebits() ? getTranslation("chart.flag.no-credit") : "")
                .setHeader(getTranslation("chart.constraint")).setAutoWidth(true);
        grid.setDataProvider(new TreeDataProvider<>(tree));
        grid.expand(tree.getRootItems());
        add(new H2(getTranslation("nav.chart")));
        if (access.canPost()) {
            Button newAccount = new Button(
                    getTranslation("chart.new"), VaadinIcon.PLUS.create(),
                    e -> new NewAccountDialog(access, chart, audit, accounts, () -> getUI().ifPresent(ui -> ui.getPage().reload())).open());
            newAccount.setId("new-account");
            add(newAccount);
        }
        add(grid);
        setFlexGrow(1, grid);
    }

    private static void addWithAncestors(TreeData<Account> tree, Account a, @Nullable Account parent, Map<Long, Account> byId) {
        if (tree.contains(a)) {
            return;
        }
        if (parent != null && !tree.contains(parent)) {
            addWithAncestors(tree, parent, parent.parentId() == null ? null : byId.get(parent.parentId()), byId);
        }
        tree.addItem(parent, a);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.chart") + " — Lumbung";
    }
}
