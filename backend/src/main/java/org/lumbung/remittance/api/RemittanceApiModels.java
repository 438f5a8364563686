package org.lumbung.remittance.api;

import org.jspecify.annotations.Nullable;
import org.lumbung.remittance.AllocationKind;
import org.lumbung.remittance.Allocation;
import org.lumbung.remittance.RecordedRemittance;
import org.lumbung.remittance.Remittance;
import org.lumbung.remittance.RemittanceBooking;
import org.lumbung.remittance.RemittanceChannel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The JSON of the remittance API; amounts and rates are plain decimal strings ("1234.56"), never JSON numbers. */
public final class RemittanceApiModels {

    private RemittanceApiModels() {
    }

    /** {@code rate} optional (then the dated rate of receivedOn), {@code booking} optional (then the channel's usual). */
    public record RemittanceRequest(Integer memberNumber, LocalDate receivedOn, String corridor, RemittanceChannel channel,
                                    @Nullable RemittanceBooking booking, String sentCurrency, String sentAmount, String fee,
                                    @Nullable String rate, List<AllocationRequest> allocations, @Nullable String note) {
    }

    /** {@code account}: the savings account's number for SAVINGS, the loan's number for LOAN_REPAYMENT. */
    public record AllocationRequest(AllocationKind kind, @Nullable String account, String amount) {
    }

    public record EntryRef(long id, long sequence) {
    }

    /** The 201 (or, replayed, 200) answer as the issue specifies it, with the receipt's allocation. */
    public record RecordedResponse(long id, int receiptNumber, String receivedAmount, String receivedCurrency, String rate,
                                   LocalDate rateDate, EntryRef journalEntry, List<AllocationResponse> allocations) {

        public static RecordedResponse of(RecordedRemittance r) {
            Remittance m = r.remittance();
            return new RecordedResponse(m.id(), m.receiptNumber(), m.receivedAmount().toPlainString(), m.receivedCurrency(),
                    m.rate().toPlainString(), m.rateDate(), new EntryRef(m.journalEntryId(), r.entrySequence()),
                    m.allocations().stream().map(AllocationResponse::of).toList());
        }
    }

    public record AllocationResponse(String kind, String amount, @Nullable String cashPaid, @Nullable String account) {

        static AllocationResponse of(Allocation a) {
            return new AllocationResponse(a.kind().name(), a.amount().toPlainString(), plain(a.cashPaid()), a.reference());
        }
    }

    public record RemittanceResponse(long id, int receiptNumber, long memberId, LocalDate receivedOn, String corridor,
                                     String channel, String booking, String sentCurrency, String sentAmount, String fee,
                                     String rate, LocalDate rateDate, String rateSource, String receivedCurrency,
                                     String receivedAmount, long journalEntryId, List<AllocationResponse> allocations) {

        public static RemittanceResponse of(Remittance r) {
            return new RemittanceResponse(r.id(), r.receiptNumber(), r.memberId(), r.receivedOn(), r.corridor(),
                    r.channel().name(), r.booking().name(), r.sentCurrency(), r.sentAmount().toPlainString(),
                    r.fee().toPlainString(), r.rate().toPlainString(), r.rateDate(), r.rateSource().name(),
                    r.receivedCurrency(), r.receivedAmount().toPlainString(), r.journalEntryId(),
                    r.allocations().stream().map(AllocationResponse::of).toList());
        }
    }

    /** A page of receipts, newest first; {@code total} counts them all. */
    public record RemittancePage(int total, int offset, List<RemittanceResponse> remittances) {
    }

    private static @Nullable String plain(@Nullable BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
