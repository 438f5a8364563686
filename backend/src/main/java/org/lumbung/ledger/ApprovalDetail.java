package org.lumbung.ledger;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a chair needs to decide a request without opening another screen: the whole entry a reversal
 * would undo, or the closed month a reopening would open again. Exactly one of {@code entry} and
 * {@code period} is present, after the request's kind.
 */
public record ApprovalDetail(Approval approval, @Nullable EntryToReverse entry, @Nullable PeriodToReopen period) {

    public ApprovalDetail {
        if ((entry == null) == (period == null)) {
            throw new IllegalArgumentException("an approval is about an entry or a period");
        }
    }

    /** The entry as posted: when, what, each line, and who posted it when. */
    public record EntryToReverse(long sequence, LocalDate valueDate, String description, String postedBy, Instant postedAt,
                                 List<Line> lines) {

        public EntryToReverse {
            lines = List.copyOf(lines);
        }

        /** The debits per currency: what the reversal moves back (the credits equal them). */
        public Map<String, BigDecimal> totals() {
            Map<String, BigDecimal> totals = new TreeMap<>();
            lines.stream().filter(l -> l.side() == Side.DEBIT).forEach(l -> totals.merge(l.currency(), l.amount(), BigDecimal::add));
            return totals;
        }
    }

    /** One line: the account (and the member whose sub-account it is, if any), side and amount. */
    public record Line(String accountCode, String accountNameEn, String accountNameId, @Nullable Integer memberNumber,
                       @Nullable String memberName, Side side, BigDecimal amount, String currency) {

        public String accountName(Locale locale) {
            return locale != null && "id".equals(locale.getLanguage()) ? accountNameId : accountNameEn;
        }

        /** "00042 Siti Aminah", or null for a general account. */
        public @Nullable String member() {
            return memberNumber == null ? null : "%05d %s".formatted(memberNumber, memberName);
        }
    }

    /** The closed month: who closed it when, and how many entries have been posted since. */
    public record PeriodToReopen(YearMonth month, String closedBy, Instant closedAt, int entriesSince) {
    }
}
