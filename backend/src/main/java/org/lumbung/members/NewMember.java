package org.lumbung.members;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * The command to register a member; the registry gives the next member number. A member starts as an
 * applicant or, when the share capital is paid at the same meeting, as active.
 */
public record NewMember(@Nullable String fullName, @Nullable String gender, NationalIdKind nationalIdKind,
                        @Nullable String nationalId, @Nullable LocalDate birthDate, @Nullable String village,
                        @Nullable String address, @Nullable String phone, @Nullable String nextOfKinName,
                        @Nullable String nextOfKinPhone, String locale, @Nullable LocalDate joinedOn,
                        MemberStatus initialStatus) {

    /** The short form used by the sample data and tests: active, no identity document, Indonesian. */
    public static NewMember basic(String fullName, String gender, String village, String phone, LocalDate joinedOn) {
        return new NewMember(fullName, gender, NationalIdKind.NONE, null, null, village, null, phone, null, null,
                "id", joinedOn, MemberStatus.ACTIVE);
    }
}
