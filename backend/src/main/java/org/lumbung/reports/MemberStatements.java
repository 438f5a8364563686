package org.lumbung.reports;

import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.security.AccessPolicy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A member's statement — savings, loans, remittances — for any date range, in her own language, as a PDF: for the
 * staff of her cooperative (from her member page) and for the member herself (her phone page); another member asking
 * gets not-found, as the feature services answer.
 */
@Service
@PreAuthorize("@access.may('SIGNED_IN')")
public class MemberStatements {

    private final CooperativeService cooperatives;
    private final MemberService members;
    private final AccessPolicy access;
    private final List<MemberStatementSource> sources;

    public MemberStatements(CooperativeService cooperatives, MemberService members, AccessPolicy access,
                            List<MemberStatementSource> sources) {
        this.cooperatives = cooperatives;
        this.members = members;
        this.access = access;
        this.sources = List.copyOf(sources);
    }

    public MemberStatement statement(long cooperativeId, long memberId, LocalDate from, LocalDate to) {
        // another cooperative's member is not found (row-level security); another member is refused as not found
        access.requireMemberRecord(memberId);
        FinancialStatements.requireDate(from);
        FinancialStatements.requireDate(to);
        DomainException.require(!from.isAfter(to), "reports.period.invalid", FinancialStatements.MAX_PERIOD_DAYS);
        Cooperative c = cooperatives.byId(cooperativeId);
        Member m = members.member(cooperativeId, memberId);
        Locale locale = Messages.forCode(m.locale());
        List<MemberStatement.Section> sections = new ArrayList<>();
        for (MemberStatementSource s : sources) {
            sections.addAll(s.sections(cooperativeId, memberId, from, to, locale));
        }
        return new MemberStatement(cooperativeId, c.name(), m.memberNumber(), m.fullName(), locale, from, to, sections);
    }

    /** The statement as a PDF in the member's language. */
    public byte[] pdf(long cooperativeId, long memberId, LocalDate from, LocalDate to) {
        return MemberStatementDocument.pdf(statement(cooperativeId, memberId, from, to));
    }

    /** The member of that number in the cooperative, for the API; not-found otherwise (and for another member). */
    public long memberId(long cooperativeId, int memberNumber) {
        Member m = members.byNumber(cooperativeId, memberNumber)
                .orElseThrow(() -> DomainException.notFound("member.not-found", memberNumber));
        access.requireMemberRecord(m.id());
        return m.id();
    }
}
