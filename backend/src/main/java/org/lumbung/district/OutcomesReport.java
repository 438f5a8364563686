package org.lumbung.district;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a group of cooperatives (one, a district's, a federation's) did for migrants and their villages in a period.
 * Members are those who had joined by the period's end and had not left by then (their status as of that day, from
 * the status history); their migration status is as of the period's end (abroad: a stay begun and not ended by then; returned: back from every stay; never migrated).
 * Money is per currency (cooperatives of one country share one).
 */
public record OutcomesReport(LocalDate from, LocalDate to, int cooperatives, List<MemberGroup> members,
                             Map<String, BigDecimal> savings, List<LoanGroup> loans, Map<String, BigDecimal> remittancesReceived,
                             Map<String, BigDecimal> remittancesPutToWork, Map<String, BigDecimal> shopPurchasesFromMembers) {

    public enum Migration { RETURNED, ABROAD, NEVER }

    /** Members of one gender and migration status, and how many of them joined within the period. */
    public record MemberGroup(String gender, Migration migration, int members, int joined) {
    }

    /** Loans disbursed in the period for one purpose (null: not recorded) to borrowers of one gender. */
    public record LoanGroup(@Nullable String purpose, String gender, String currency, int loans, BigDecimal principal) {
    }

    public int memberCount() {
        return members.stream().mapToInt(MemberGroup::members).sum();
    }

    public int newMembers() {
        return members.stream().mapToInt(MemberGroup::joined).sum();
    }

    /** Savings per member at the period's end, per currency (two decimals); empty without members. */
    public Map<String, BigDecimal> savingsPerMember() {
        int count = memberCount();
        return count == 0 ? Map.of() : savings.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_EVEN)));
    }
}
