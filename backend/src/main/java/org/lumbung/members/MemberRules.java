package org.lumbung.members;

import org.jspecify.annotations.Nullable;
import org.lumbung.platform.DomainException;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/** The registry's input rules, asserted where a member's data enters (the database re-checks the shapes); imports check rows with them before anything is written. */
public final class MemberRules {

    /** A member's and a next of kin's name. */
    public static final int MAX_NAME = 200;
    public static final int MAX_VILLAGE = 100;
    public static final int MAX_ADDRESS = 300;
    /** A status change's or an exit's reason, kept on the member's history. */
    public static final int MAX_STATUS_REASON = 300;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private MemberRules() {
    }

    public static void check(NewMember m) {
        DomainException.require(m != null && m.fullName() != null && !m.fullName().isBlank(), "member.name.missing");
        requireFits(m.fullName(), MAX_NAME, "member.name.too-long");
        DomainException.require("F".equals(m.gender()) || "M".equals(m.gender()), "member.gender.invalid");
        DomainException.require(m.joinedOn() != null, "member.joined.missing");
        DomainException.require(m.birthDate() == null
                        || m.birthDate().isBefore(m.joinedOn().minusYears(15)),
                "member.birth-date.invalid");
        DomainException.require(m.phone() == null || m.phone().isBlank() || m.phone().matches("\\+?[0-9 -]{6,31}"),
                "member.phone.invalid", String.valueOf(m.phone()));
        DomainException.require(m.nextOfKinPhone() == null || m.nextOfKinPhone().isBlank()
                        || m.nextOfKinPhone().matches("\\+?[0-9 -]{6,31}"),
                "member.kin-phone.invalid", String.valueOf(m.nextOfKinPhone()));
        requireFits(m.village(), MAX_VILLAGE, "member.village.too-long");
        requireFits(m.address(), MAX_ADDRESS, "member.address.too-long");
        requireFits(m.nextOfKinName(), MAX_NAME, "member.kin-name.too-long");
        DomainException.require("en".equals(m.locale()) || "id".equals(m.locale()), "member.locale.invalid");
        checkNationalId(m.nationalIdKind(), m.nationalId(), m.gender(), m.birthDate());
    }

    public static void check(NewMigration m) {
        DomainException.require(m != null && m.destinationCountry() != null && COUNTRIES.contains(m.destinationCountry()),
                "member.migration.country", m == null ? "" : String.valueOf(m.destinationCountry()));
        DomainException.require(m.sector() != null, "member.migration.sector");
        DomainException.require(m.departedOn() != null && (m.returnedOn() == null || !m.returnedOn().isBefore(m.departedOn())),
                "member.migration.dates");
    }

    /**
     * An Indonesian NIK is 16 digits: province and regency (6), birth date as DDMMYY with 40 added to the
     * day for women (6), and a serial that is never 0000 (4). When gender and birth date are known they
     * must agree with the number: a typo in a NIK is the commonest error of a paper register.
     */
    static void checkNationalId(NationalIdKind kind, @Nullable String id, @Nullable String gender,
                                @Nullable LocalDate birthDate) {
        DomainException.require(kind != null, "member.national-id.invalid", String.valueOf(id));
        switch (kind) {
            case NONE -> DomainException.require(id == null, "member.national-id.invalid", String.valueOf(id));
            case OTHER -> DomainException.require(id != null && id.matches("[0-9A-Za-z./-]{4,32}"),
                    "member.national-id.invalid", String.valueOf(id));
            case NIK -> checkNik(id, gender, birthDate);
        }
    }

    private static void checkNik(@Nullable String nik, @Nullable String gender, @Nullable LocalDate birthDate) {
        DomainException.require(nik != null && nik.matches("[0-9]{16}"), "member.nik.digits", String.valueOf(nik));
        int province = Integer.parseInt(nik.substring(0, 2));
        int day = Integer.parseInt(nik.substring(6, 8));
        int month = Integer.parseInt(nik.substring(8, 10));
        DomainException.require(province >= 11 && province <= 96, "member.nik.region", nik);
        DomainException.require((day >= 1 && day <= 31) || (day >= 41 && day <= 71), "member.nik.birth", nik);
        DomainException.require(month >= 1 && month <= 12, "member.nik.birth", nik);
        DomainException.require(!nik.endsWith("0000"), "member.nik.serial", nik);
        if ("F".equals(gender) || "M".equals(gender)) {
            DomainException.require("F".equals(gender) == (day > 40), "member.nik.gender", nik);
        }
        if (birthDate != null) {
            DomainException.require(birthDate.getDayOfMonth() == day % 40 && birthDate.getMonthValue() == month
                    && birthDate.getYear() % 100 == Integer.parseInt(nik.substring(10, 12)), "member.nik.birth-date", nik);
        }
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Refuses a text over its limit with the limit and the length given; never cuts it. */
    private static void requireFits(@Nullable String text, int max, String key) {
        DomainException.require(text == null || text.length() <= max, key, max, text == null ? 0 : text.length());
    }
}
