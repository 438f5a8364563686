package org.lumbung.members;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** A member of a cooperative, as the registry knows them. */
public record Member(long id, long cooperativeId, int memberNumber, String fullName, String gender,
                     NationalIdKind nationalIdKind, @Nullable String nationalId, @Nullable LocalDate birthDate,
                     @Nullable String village, @Nullable String address, @Nullable String phone,
                     @Nullable String nextOfKinName, @Nullable String nextOfKinPhone,
                     String locale, LocalDate joinedOn, MemberStatus status, LocalDate statusSince) {

    /** The member number as printed on passbooks and receipts: five digits. */
    public String displayNumber() {
        return "%05d".formatted(memberNumber);
    }
}
