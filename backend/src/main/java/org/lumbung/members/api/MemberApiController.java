package org.lumbung.members.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.members.Member;
import org.lumbung.members.MemberAbility;
import org.lumbung.members.MemberFilter;
import org.lumbung.members.MemberService;
import org.lumbung.members.MemberStatus;
import org.lumbung.members.NationalIdKind;
import org.lumbung.members.NewMember;
import org.lumbung.members.api.MemberApiModels.MemberPage;
import org.lumbung.members.api.MemberApiModels.MemberRequest;
import org.lumbung.members.api.MemberApiModels.MemberResponse;
import org.lumbung.platform.DomainException;
import org.lumbung.security.AccessPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;

/** The member registry for integrations (a remittance operator, a member app): search, read, register. */
@RestController
@RequestMapping("/api/v1/cooperatives/{code}/members")
@Tag(name = "Members", description = "Search, read and register a cooperative's members")
public class MemberApiController {

    private final CooperativeService cooperatives;
    private final AccessPolicy access;
    private final MemberService members;

    public MemberApiController(CooperativeService cooperatives, AccessPolicy access, MemberService members) {
        this.cooperatives = cooperatives;
        this.access = access;
        this.members = members;
    }

    @Operation(summary = "Members, searched and paged (limit at most 500)",
            description = "q: a name (spelling variants found too), a member number, a NIK or a phone number; status: "
                    + "APPLICANT, ACTIVE, SUSPENDED or EXITED. `total` counts every match.")
    @GetMapping
    public MemberPage list(@PathVariable String code, @RequestParam(required = false) @Nullable String q,
                           @RequestParam(required = false) @Nullable String status,
                           @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
        Cooperative c = cooperatives.byCode(code);
        access.require(c.id(), MemberAbility.READ_MEMBERS);
        DomainException.require(q == null || q.length() <= 100, "ledger.filter.text.too-long");
        MemberFilter filter = new MemberFilter(q, status == null ? null : enumValue(MemberStatus.class, status, "member.status.invalid"),
                null, null, null);
        return new MemberPage(members.count(c.id(), filter), offset,
                members.page(c.id(), filter, offset, limit).stream().map(MemberResponse::of).toList());
    }

    @Operation(summary = "A member by member number")
    @GetMapping("/{memberNumber}")
    public MemberResponse member(@PathVariable String code, @PathVariable int memberNumber) {
        Cooperative c = cooperatives.byCode(code);
        access.require(c.id(), MemberAbility.READ_MEMBERS);
        return MemberResponse.of(byNumber(members, c.id(), memberNumber));
    }

    @Operation(summary = "Register a member; 201 with the member and the next member number",
            description = "The same rules as the member form (a NIK is checked against birth date and gender). "
                    + "Savings accounts of the cooperative's products are opened with the registration.")
    @PostMapping
    public ResponseEntity<MemberResponse> register(@PathVariable String code, @RequestBody @Nullable MemberRequest body) {
        Cooperative c = cooperatives.byCode(code);
        access.require(c.id(), MemberAbility.REGISTER_MEMBERS);
        DomainException.require(body != null, "api.body.missing");
        NationalIdKind idKind = body.nationalIdKind() == null ? NationalIdKind.NONE
                : enumValue(NationalIdKind.class, body.nationalIdKind(), "member.national-id.kind.invalid");
        MemberStatus status = body.status() == null ? MemberStatus.APPLICANT
                : enumValue(MemberStatus.class, body.status(), "member.status.invalid");
        Member m = members.register(c.id(), new NewMember(body.fullName(), body.gender(), idKind, body.nationalId(),
                body.birthDate(), body.village(), body.address(), body.phone(), body.nextOfKinName(), body.nextOfKinPhone(),
                body.locale() == null ? c.defaultLocale() : body.locale(), body.joinedOn(), status));
        return ResponseEntity.status(HttpStatus.CREATED).body(MemberResponse.of(m));
    }

    /** The member of that number; not found, like another cooperative's, when there is none. */
    public static Member byNumber(MemberService members, long cooperativeId, int memberNumber) {
        return members.byNumber(cooperativeId, memberNumber)
                .orElseThrow(() -> DomainException.notFound("member.not-found", memberNumber));
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String messageKey) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(text)).findFirst()
                .orElseThrow(() -> DomainException.invalid(messageKey, text));
    }
}
