package org.lumbung.members;

import java.time.LocalDate;

/** A member of a cooperative, as the registry knows them. */
public record Member(long id, long cooperativeId, int memberNumber, String fullName, String gender,
                     NationalIdKind nationalIdKind, String nationalId, LocalDate birthDate,
                     String village, String address, String phone, String nextOfKinName, String nextOfKinPhone,
                     String locale, LocalDate joinedOn, MemberStatus status, LocalDate statusSince) {

    /** The member number as printed on passbooks and receipts: five digits. */
    public String displayNumber() {
        return "%05d".formatted(memberNumber);
    }
}
