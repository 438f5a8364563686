package org.lumbung.savings.api;

import org.jspecify.annotations.Nullable;
import org.lumbung.savings.Booked;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.savings.SavingsTransaction;
import org.lumbung.savings.TimeDepositPayout;

import java.time.LocalDate;
import java.util.List;

/** The JSON of the savings API; amounts are plain decimal strings ("150000.00"), never JSON numbers. */
public final class SavingsApiModels {

    private SavingsApiModels() {
    }

    public record AccountResponse(long id, String number, String product, String kind, String currency, String balance,
                                  boolean active, LocalDate openedOn, @Nullable LocalDate closedOn, @Nullable LocalDate maturityOn) {

        public static AccountResponse of(SavingsAccount a) {
            return new AccountResponse(a.id(), a.number(), a.product().code(), a.kind().name(), a.currency(),
                    a.balance().toPlainString(), a.active(), a.openedOn(), a.closedOn(), a.maturityOn());
        }
    }

    /** A deposit or a withdrawal; {@code valueDate} defaults to today at the cooperative. */
    public record MovementRequest(String amount, @Nullable LocalDate valueDate, @Nullable String note) {
    }

    /** What a deposit or withdrawal booked: the receipt, the journal entry carrying the money, the balance after it. */
    public record BookedResponse(int receiptNumber, String kind, String account, String amount, String currency,
                                 LocalDate valueDate, long journalEntryId, long journalEntrySequence, String balanceAfter,
                                 List<String> warnings) {

        public static BookedResponse of(Booked b, long sequence) {
            SavingsTransaction t = b.transaction();
            return new BookedResponse(t.receiptNumber(), t.kind().name(), t.accountNumber(), t.amount().toPlainString(),
                    t.currency(), t.valueDate(), t.journalEntryId(), sequence, b.balanceAfter().toPlainString(),
                    b.warnings().stream().map(Booked.Warning::messageKey).toList());
        }
    }

    /** A time deposit's payout on a date: {@code amount} leaves the account, the member receives {@code cash}. */
    public record PayoutQuoteResponse(String account, LocalDate on, String balance, String interest, String amount, String penalty,
                                      String cash, String currency) {

        public static PayoutQuoteResponse of(String account, LocalDate on, TimeDepositPayout p) {
            return new PayoutQuoteResponse(account, on, p.balance().toPlainString(), p.interest().toPlainString(),
                    p.amount().toPlainString(), p.penalty().toPlainString(), p.cash().toPlainString(), p.currency());
        }
    }

    public record TransactionResponse(int receiptNumber, String kind, String account, @Nullable String counterAccount, String amount,
                                      String currency, LocalDate valueDate, long journalEntryId, @Nullable String note) {

        public static TransactionResponse of(SavingsTransaction t) {
            return new TransactionResponse(t.receiptNumber(), t.kind().name(), t.accountNumber(), t.counterAccountNumber(),
                    t.amount().toPlainString(), t.currency(), t.valueDate(), t.journalEntryId(), t.note());
        }
    }

    /** A page of an account's transactions, newest first; {@code total} counts them all. */
    public record TransactionPage(int total, int offset, List<TransactionResponse> transactions) {
    }
}
