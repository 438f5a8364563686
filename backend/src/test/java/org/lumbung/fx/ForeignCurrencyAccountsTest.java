package org.lumbung.fx;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.Account;
import org.lumbung.ledger.AccountType;
import org.lumbung.ledger.ChainVerifier;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.platform.DomainException;
import org.lumbung.testsupport.DatabaseTest;
import org.lumbung.testsupport.LedgerInvariants;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ForeignCurrencyAccountsTest extends DatabaseTest {

    @Autowired
    ForeignCurrencyAccounts fx;
    @Autowired
    ChartOfAccounts chart;
    @Autowired
    LedgerService ledger;
    @Autowired
    ChainVerifier verifier;

    Cooperative coop;

    @BeforeEach
    void cooperative() {
        coop = newCooperative("f" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void eachCurrencyHasItsAccountsInTheRightCurrencyOpenedOnce() {
        Account cash = fx.cash(coop.id(), "MYR");
        assertThat(cash.code()).isEqualTo("1150.MYR");
        assertThat(cash.currency()).isEqualTo("MYR");
        assertThat(cash.parentId()).as("a ringgit account cannot hang under a rupiah header").isNull();
        assertThat(cash.creditsMustNotExceedDebits()).isTrue();
        assertThat(cash.nameId()).isEqualTo("Kas Valuta Asing MYR");
        assertThat(fx.cash(coop.id(), "MYR").id()).isEqualTo(cash.id());

        assertThat(fx.bank(coop.id(), "USD")).satisfies(a -> assertThat(a.code() + " " + a.currency()).isEqualTo("1160.USD USD"));
        Account savings = fx.savings(coop.id(), "MYR");
        assertThat(savings.type()).isEqualTo(AccountType.LIABILITY);
        assertThat(savings.debitsMustNotExceedCredits()).isTrue();
        assertThat(savings.header()).isFalse();

        Account position = fx.position(coop.id(), "MYR");
        assertThat(position.code() + " " + position.currency()).isEqualTo("1900.MYR MYR");
        Account cost = fx.positionCost(coop.id(), "MYR");
        assertThat(cost.code() + " " + cost.currency()).isEqualTo("1910.MYR IDR");
        assertThat(cost.parentId()).isEqualTo(chart.account(coop.id(), "1910").id());
        assertThat(fx.revaluation(coop.id(), "MYR").code()).isEqualTo("1920.MYR");
        assertThat(fx.result(coop.id(), FxAccountRole.FX_REALIZED_GAIN).code()).isEqualTo("4500");
        assertThat(fx.result(coop.id(), FxAccountRole.FX_UNREALIZED_LOSS).code()).isEqualTo("5710");
        assertThat(fx.positionCurrencies(coop.id())).containsExactly("MYR");
    }

    @Test
    void theCooperativesOwnCurrencyAndUnknownCodesAreRefused() {
        assertThatThrownBy(() -> fx.cash(coop.id(), "IDR")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("fx.currency.is-base"));
        assertThatThrownBy(() -> fx.position(coop.id(), "ZZZ")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("money.currency.unknown"));
    }

    /** MYR 1,000.00 carried home at 3,550 credited to the remittances payable: each currency balances, no roll-up mixes them. */
    @Test
    void aMultiCurrencyEntryBalancesPerCurrencyAndRollUpsStayInOneCurrency() {
        LocalDate day = LocalDate.of(2026, 11, 27);
        ledger.post(new PostingRequest(coop.id(), "fx-accounts-1", day, "remittance", "MANUAL", null, List.of(
                PostingLine.debit(fx.cash(coop.id(), "MYR").code(), new BigDecimal("1000.00")),
                PostingLine.credit(fx.position(coop.id(), "MYR").code(), new BigDecimal("1000.00")),
                PostingLine.debit(fx.positionCost(coop.id(), "MYR").code(), new BigDecimal("3550000")),
                PostingLine.credit("2300", new BigDecimal("3550000"))), "treasurer"));

        assertThat(chart.balanceWithDescendants(coop.id(), "1150")).isEqualByComparingTo("0");
        assertThat(chart.balanceWithDescendants(coop.id(), "1150.MYR")).isEqualByComparingTo("1000.00");
        assertThat(chart.balanceWithDescendants(coop.id(), "1910")).isEqualByComparingTo("3550000");
        LedgerInvariants.assertHold(dsl, verifier, coop.id());
    }
}
