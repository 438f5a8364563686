package org.lumbung.members;

import java.time.LocalDate;

/** The command to register a member; the registry gives the next member number. */
public record NewMember(String fullName, String gender, String village, String phone, LocalDate joinedOn) {
}
