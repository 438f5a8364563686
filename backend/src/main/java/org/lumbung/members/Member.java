package org.lumbung.members;

import java.time.LocalDate;

/** A member of a cooperative, as the registry knows them. */
public record Member(long id, long cooperativeId, int memberNumber, String fullName, String gender,
                     String village, String phone, LocalDate joinedOn, String status) {
}
