package org.lumbung.remittance.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.api.EntryInput;
import org.lumbung.members.MemberService;
import org.lumbung.members.api.MemberApiController;
import org.lumbung.platform.DomainException;
import org.lumbung.remittance.NewAllocation;
import org.lumbung.remittance.NewRemittance;
import org.lumbung.remittance.RecordedRemittance;
import org.lumbung.remittance.RemittanceAbility;
import org.lumbung.remittance.RemittanceFilter;
import org.lumbung.remittance.RemittanceService;
import org.lumbung.remittance.api.RemittanceApiModels.AllocationRequest;
import org.lumbung.remittance.api.RemittanceApiModels.RecordedResponse;
import org.lumbung.remittance.api.RemittanceApiModels.RemittancePage;
import org.lumbung.remittance.api.RemittanceApiModels.RemittanceRequest;
import org.lumbung.remittance.api.RemittanceApiModels.RemittanceResponse;
import org.lumbung.remittance.AllocationRules;
import org.lumbung.security.AccessPolicy;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Remittances for integrations (a money transfer operator's agent system, the cooperative's own app): the same
 * service, rules, receipts and access table as the form. A receipt whose parts do not add up exactly to the
 * amount received is a 422 problem and books nothing; the same Idempotency-Key and content replay (200).
 */
@RestController
@RequestMapping("/api/v1/cooperatives/{code}/remittances")
@Tag(name = "Remittances", description = "Remittance receipts with their allocation")
public class RemittanceApiController {

    private final CooperativeService cooperatives;
    private final AccessPolicy access;
    private final MemberService members;
    private final RemittanceService remittances;

    public RemittanceApiController(CooperativeService cooperatives, AccessPolicy access, MemberService members,
                                   RemittanceService remittances) {
        this.cooperatives = cooperatives;
        this.access = access;
        this.members = members;
        this.remittances = remittances;
    }

    @Operation(summary = "Record a remittance and its allocation; 201 with the receipt and its journal entry",
            description = "rate optional: then the cooperative's dated rate of receivedOn (404 problem when none). fee is in "
                    + "the sent currency. 200 with the same receipt for the same Idempotency-Key and content, 409 for the key "
                    + "with other content, 422 when the allocations do not add up to sentAmount × rate (half-even to the "
                    + "cooperative currency's minor units).")
    @PostMapping
    public ResponseEntity<RecordedResponse> record(@PathVariable String code,
                                                   @Parameter(description = "made by the client before it submits, 8-80 of A-Z a-z 0-9 . _ : -")
                                                   @RequestHeader("Idempotency-Key") String idempotencyKey,
                                                   @RequestBody RemittanceRequest body) {
        Cooperative c = cooperatives.byCode(code);
        access.require(c.id(), RemittanceAbility.RECORD_REMITTANCE);
        DomainException.require(body != null, "api.body.missing");
        RecordedRemittance recorded = remittances.record(c.id(), remittance(c, body, idempotencyKey));
        return ResponseEntity.status(recorded.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(RecordedResponse.of(recorded));
    }

    @Operation(summary = "Remittances received from..to (inclusive), of one member or all, newest first, paged (limit at most 500)")
    @GetMapping
    public RemittancePage list(@PathVariable String code,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestParam(required = false) Integer member,
                               @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
        Cooperative c = cooperatives.byCode(code);
        access.require(c.id(), RemittanceAbility.VIEW_REMITTANCES);
        Long memberId = member == null ? null : MemberApiController.byNumber(members, c.id(), member).id();
        RemittanceFilter filter = new RemittanceFilter(from, to, memberId);
        return new RemittancePage(remittances.count(c.id(), filter), offset,
                remittances.remittances(c.id(), filter, offset, limit).stream().map(RemittanceResponse::of).toList());
    }

    private NewRemittance remittance(Cooperative c, RemittanceRequest b, String key) {
        DomainException.require(b.memberNumber() != null, "remittance.member-number.missing");
        long memberId = MemberApiController.byNumber(members, c.id(), b.memberNumber()).id();
        List<AllocationRequest> parts = b.allocations() == null ? List.of() : b.allocations();
        DomainException.require(parts.size() <= AllocationRules.MAX_PARTS, "remittance.allocation.count", AllocationRules.MAX_PARTS);
        return new NewRemittance(memberId, b.receivedOn(), b.corridor(), b.channel(), b.booking(), b.sentCurrency(),
                EntryInput.amount(b.sentAmount()), b.fee() == null ? null : EntryInput.amount(b.fee()),
                b.rate() == null ? null : EntryInput.amount(b.rate()), parts.stream().map(RemittanceApiController::part).toList(),
                b.note(), key);
    }

    private static NewAllocation part(AllocationRequest a) {
        DomainException.require(a != null, "remittance.allocation.kind");
        BigDecimal amount = EntryInput.amount(a.amount());
        return new NewAllocation(a.kind(), amount, a.account());
    }
}
