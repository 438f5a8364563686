package org.lumbung.members;

import java.time.LocalDate;

/**
 * The command to register a member; the registry gives the next member number. A member starts as an
 * applicant or, when the share capital is paid at the same meeting, as active.
 */
public record NewMember(String fullName, String gender, NationalIdKind nationalIdKind, String nationalId,
                        LocalDate birthDate, String village, String address, String phone,
                        String nextOfKinName, String nextOfKinPhone, String locale, LocalDate joinedOn,
                        MemberStatus initialStatus) {

    /** The short form used by the sample data and tests: active, no identity document, Indonesian. */
    public static NewMember basic(String fullName, String gender, String village, String phone, LocalDate joinedOn) {
        return new NewMember(fullName, gender, NationalIdKind.NONE, null, null, village, null, phone, null, null,
                "id", joinedOn, MemberStatus.ACTIVE);
    }
}
