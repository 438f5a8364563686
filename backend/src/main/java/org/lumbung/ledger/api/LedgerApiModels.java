package org.lumbung.ledger.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.lumbung.ledger.Account;
import org.lumbung.ledger.AccountStatement;
import org.lumbung.ledger.Approval;
import org.lumbung.ledger.ChainVerification;
import org.lumbung.ledger.EntryLine;
import org.lumbung.ledger.JournalEntry;
import org.lumbung.ledger.PostingResult;
import org.lumbung.ledger.Side;
import org.lumbung.ledger.StatementLine;
import org.lumbung.ledger.TrialBalance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** JSON shapes of the ledger API. Amounts travel as decimal strings, with the account's currency. */
public final class LedgerApiModels {

    private LedgerApiModels() {
    }

    /** The amount is a plain decimal text ("150000.00"), see {@link EntryInput#amount}. */
    public record LineRequest(String account, Side side, String amount) {
    }

    public record EntryRequest(LocalDate valueDate, String description, String sourceType, String sourceRef,
                               List<LineRequest> lines) {
    }

    public record BatchEntryRequest(String idempotencyKey, LocalDate valueDate, String description, String sourceType,
                                    String sourceRef, List<LineRequest> lines) {
    }

    public record BatchRequest(List<BatchEntryRequest> entries) {
    }

    /** One line of the answer to a stream of batches: the batch's entries, or its problem. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BatchAnswer(int batch, int status, @Nullable List<BookedEntry> entries,
                              @Nullable Map<String, Object> problem) {
    }

    /** An entry of a streamed batch: booked now, or {@code replayed} (posted before with the same key and content). */
    public record BookedEntry(long id, long sequence, String idempotencyKey, boolean replayed) {
        static BookedEntry of(PostingResult r) {
            return new BookedEntry(r.entry().id(), r.entry().sequence(), r.entry().idempotencyKey(), r.replayed());
        }
    }

    public record ReversalRequest(String reason) {
    }

    /** A new account under {@code parent}, of the parent's type; constraint NONE, NO_DEBIT_BALANCE or NO_CREDIT_BALANCE. */
    public record AccountRequest(String code, String nameEn, String nameId, String parent, String currency,
                                 String constraint) {
    }

    public record LineResponse(int lineNo, String account, Side side, String amount, String currency) {
        static LineResponse of(EntryLine l) {
            return new LineResponse(l.lineNo(), l.accountCode(), l.side(), l.amount().toPlainString(), l.currency());
        }
    }

    public record EntryResponse(long id, long sequence, String idempotencyKey, LocalDate bookingDate,
                                LocalDate valueDate, String description, String sourceType, @Nullable String sourceRef,
                                @Nullable Long reversesEntryId, @Nullable String reversalReason, String createdBy,
                                Instant createdAt,
                                String prevHash, String hash, List<LineResponse> lines) {
        static EntryResponse of(JournalEntry e) {
            return new EntryResponse(e.id(), e.sequence(), e.idempotencyKey(), e.bookingDate(), e.valueDate(),
                    e.description(), e.sourceType(), e.sourceRef(), e.reversesEntryId(), e.reversalReason(),
                    e.createdBy(), e.createdAt(), e.prevHash(), e.hash(),
                    e.lines().stream().map(LineResponse::of).toList());
        }
    }

    public record AccountResponse(String code, String nameEn, String nameId, String type, @Nullable String parentCode,
                                  String currency, boolean header, boolean debitsMustNotExceedCredits,
                                  boolean creditsMustNotExceedDebits, String debitTotal, String creditTotal,
                                  String balance) {
        static AccountResponse of(Account a, @Nullable String parentCode) {
            return new AccountResponse(a.code(), a.nameEn(), a.nameId(), a.type().name(), parentCode, a.currency(),
                    a.header(), a.debitsMustNotExceedCredits(), a.creditsMustNotExceedDebits(),
                    plain(a.debitTotal()), plain(a.creditTotal()), plain(a.balance()));
        }
    }

    /** A page of the chart: {@code total} accounts in all, these from {@code offset} on. */
    public record AccountPage(long total, int offset, List<AccountResponse> accounts) {
    }

    public record ApprovalResponse(long id, String kind, @Nullable Long entryId, @Nullable String month, String reason,
                                   String requestedBy, Instant requestedAt, String status, @Nullable String decidedBy,
                                   @Nullable Instant decidedAt, @Nullable String decisionNote, @Nullable String outcome) {
        static ApprovalResponse of(Approval a) {
            return new ApprovalResponse(a.id(), a.kind().name(), a.entryId(), a.month() == null ? null : a.month().toString(),
                    a.reason(), a.requestedBy(), a.requestedAt(), a.status().name(), a.decidedBy(), a.decidedAt(),
                    a.decisionNote(), a.outcome());
        }
    }

    public record BalanceResponse(String account, String currency, LocalDate asOf, String balance) {
    }

    public record StatementLineResponse(long entryId, long sequence, LocalDate valueDate, String description,
                                        Side side, String amount, String balanceAfter) {
        static StatementLineResponse of(StatementLine l) {
            return new StatementLineResponse(l.entryId(), l.sequence(), l.valueDate(), l.description(), l.side(),
                    l.amount().toPlainString(), l.balanceAfter().toPlainString());
        }
    }

    public record StatementResponse(String account, String currency, LocalDate from, LocalDate to,
                                    String openingBalance, String closingBalance, long totalLines, int offset,
                                    List<StatementLineResponse> lines) {
        static StatementResponse of(AccountStatement s) {
            return new StatementResponse(s.account().code(), s.account().currency(), s.from(), s.to(),
                    s.openingBalance().toPlainString(), s.closingBalance().toPlainString(), s.totalLines(), s.offset(),
                    s.lines().stream().map(StatementLineResponse::of).toList());
        }
    }

    public record TrialBalanceAccount(String code, String name, String type, String currency, String debitTurnover,
                                      String creditTurnover, String debit, String credit) {
    }

    public record TrialBalanceTotal(String currency, String debit, String credit, boolean balanced,
                                    String debitTurnover, String creditTurnover) {
    }

    /**
     * Rolled up, {@code accounts} are all of them ({@code total} = their number); in detail (members), a
     * page from {@code offset} of {@code total}; the totals are always those of every line.
     */
    public record TrialBalanceResponse(LocalDate asOf, @Nullable String detail, int offset, long total,
                                       List<TrialBalanceAccount> accounts, List<TrialBalanceTotal> totals,
                                       boolean balanced) {
        static TrialBalanceResponse of(TrialBalance tb) {
            return new TrialBalanceResponse(tb.asOf(), tb.detail() ? "members" : null, tb.offset(), tb.rowCount(),
                    tb.rows().stream().map(r -> new TrialBalanceAccount(r.code(), r.nameEn(), r.type().name(),
                            r.currency(), plain(r.debitTurnover()), plain(r.creditTurnover()), plain(r.debit()),
                            plain(r.credit()))).toList(),
                    tb.totals().values().stream().map(t -> new TrialBalanceTotal(t.currency(), plain(t.debit()),
                            plain(t.credit()), t.balanced(), plain(t.debitTurnover()), plain(t.creditTurnover()))).toList(),
                    tb.balanced());
        }
    }

    public record VerificationResponse(boolean ok, long entriesChecked, String headFingerprint,
                                       @Nullable Long firstBrokenSequence, @Nullable String problem,
                                       @Nullable String problemCode, boolean balancesOk, @Nullable String mismatchedAccount,
                                       ChainVerification.@Nullable CheckpointResult checkpoint) {
        static VerificationResponse of(ChainVerification v, Locale locale) {
            return new VerificationResponse(v.ok(), v.entriesChecked(), v.headFingerprint(), v.firstBrokenSequence(),
                    v.problem(locale), v.problemKey(), v.balancesOk(), v.mismatchedAccount(), v.checkpoint());
        }
    }

    static String plain(BigDecimal amount) {
        return amount.toPlainString();
    }
}
