package org.lumbung.members.api;

import org.jspecify.annotations.Nullable;
import org.lumbung.members.Member;

import java.time.LocalDate;
import java.util.List;

/** The JSON of the members API: read strictly, no unknown fields; dates ISO. */
public final class MemberApiModels {

    private MemberApiModels() {
    }

    /** A member to register; {@code status} ACTIVE (share capital paid at the meeting) or APPLICANT, default APPLICANT. */
    public record MemberRequest(String fullName, String gender, @Nullable String nationalIdKind,
                                @Nullable String nationalId, @Nullable LocalDate birthDate,
                                @Nullable String village, @Nullable String address, @Nullable String phone,
                                @Nullable String nextOfKinName, @Nullable String nextOfKinPhone,
                                @Nullable String locale, LocalDate joinedOn, @Nullable String status) {
    }

    public record MemberResponse(long id, int memberNumber, String displayNumber, String fullName, String gender,
                                 @Nullable String nationalIdKind, @Nullable String nationalId,
                                 @Nullable LocalDate birthDate, @Nullable String village, @Nullable String address,
                                 @Nullable String phone, String locale, LocalDate joinedOn, String status, LocalDate statusSince) {

        public static MemberResponse of(Member m) {
            return new MemberResponse(m.id(), m.memberNumber(), m.displayNumber(), m.fullName(), m.gender(),
                    m.nationalIdKind() == null ? null : m.nationalIdKind().name(), m.nationalId(), m.birthDate(),
                    m.village(), m.address(), m.phone(), m.locale(),
                    m.joinedOn(), m.status().name(), m.statusSince());
        }
    }

    /** A page of members: {@code total} counts all that match, so a client pages until offset + members.length = total. */
    public record MemberPage(int total, int offset, List<MemberResponse> members) {
    }
}
