package org.lumbung.members;

import org.lumbung.cooperative.CooperativeService;
import org.lumbung.platform.DomainException;
import org.lumbung.security.UserService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members sign in with their member number and a PIN the treasurer gives them at the office. The
 * username is the cooperative's code and the member number ("ngrupit-42"), unique in the installation.
 */
@Service
@PreAuthorize("@access.may('REGISTER_MEMBERS')")
public class MemberSignIn {

    private final MemberService members;
    private final CooperativeService cooperatives;
    private final UserService users;

    public MemberSignIn(MemberService members, CooperativeService cooperatives, UserService users) {
        this.members = members;
        this.cooperatives = cooperatives;
        this.users = users;
    }

    /** Gives the member a sign-in with this PIN (or a new PIN); returns the username to tell them. */
    @Transactional
    public String setPin(long cooperativeId, long memberId, String pin) {
        Member member = members.member(cooperativeId, memberId);
        DomainException.require(member.status() != MemberStatus.EXITED, "savings.member.exited", member.displayNumber());
        return users.setMemberPin(cooperativeId, cooperatives.byId(cooperativeId).code(), member.id(), member.memberNumber(),
                member.fullName(), member.locale(), pin);
    }
}
