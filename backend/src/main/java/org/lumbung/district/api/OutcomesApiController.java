package org.lumbung.district.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.district.Outcomes;
import org.lumbung.district.OutcomesReport;
import org.lumbung.platform.DomainException;
import org.lumbung.security.AccessPolicy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The outcomes report of one cooperative, or of every cooperative the caller may read (a district's). */
@RestController
@Tag(name = "Outcomes", description = "What the cooperatives do for migrants and their villages")
public class OutcomesApiController {

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    /** The report with every amount a plain decimal string, as everywhere in the API. */
    public record OutcomesResponse(LocalDate from, LocalDate to, int cooperatives, int members, int newMembers,
                                   List<OutcomesReport.MemberGroup> membersByGroup, Map<String, String> savings,
                                   Map<String, String> savingsPerMember, List<LoanGroupResponse> loans,
                                   Map<String, String> remittancesReceived, Map<String, String> remittancesPutToWork,
                                   Map<String, String> shopPurchasesFromMembers) {

        static OutcomesResponse of(OutcomesReport r) {
            return new OutcomesResponse(r.from(), r.to(), r.cooperatives(), r.memberCount(), r.newMembers(), r.members(),
                    text(r.savings()), text(r.savingsPerMember()),
                    r.loans().stream().map(l -> new LoanGroupResponse(l.purpose(), l.gender(), l.currency(), l.loans(),
                            l.principal().toPlainString())).toList(),
                    text(r.remittancesReceived()), text(r.remittancesPutToWork()), text(r.shopPurchasesFromMembers()));
        }
    }

    /** Loans disbursed in the period for one purpose (null: not recorded) to borrowers of one gender. */
    public record LoanGroupResponse(@Nullable String purpose, String gender, String currency, int loans, String principal) {
    }

    private final CooperativeService cooperatives;
    private final AccessPolicy access;
    private final Outcomes outcomes;

    public OutcomesApiController(CooperativeService cooperatives, AccessPolicy access, Outcomes outcomes) {
        this.cooperatives = cooperatives;
        this.access = access;
        this.outcomes = outcomes;
    }

    @Operation(summary = "The cooperative's outcomes in a period: members by gender and migration status, new members, "
            + "savings per member, loans by purpose and gender, remittances and the share put to work, shop purchases from members")
    @GetMapping("/api/v1/cooperatives/{code}/outcomes")
    public OutcomesResponse cooperative(@PathVariable String code, @RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to) {
        Cooperative c = cooperatives.byCode(code);
        access.requireRead(c.id());
        return OutcomesResponse.of(outcomes.ofCooperative(c.id(), date(from), date(to)));
    }

    @Operation(summary = "The outcomes of every cooperative the caller may read (a district auditor's district), together")
    @GetMapping("/api/v1/outcomes")
    public OutcomesResponse all(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return OutcomesResponse.of(outcomes.ofAll(date(from), date(to)));
    }

    private static LocalDate date(String value) {
        if (value == null || !DATE.matcher(value).matches()) {
            throw DomainException.invalid("outcomes.period.invalid", Outcomes.MAX_PERIOD_DAYS);
        }
        return LocalDate.parse(value);
    }

    private static Map<String, String> text(Map<String, BigDecimal> amounts) {
        Map<String, String> text = new TreeMap<>();
        amounts.forEach((currency, amount) -> text.put(currency, amount.toPlainString()));
        return text;
    }
}
