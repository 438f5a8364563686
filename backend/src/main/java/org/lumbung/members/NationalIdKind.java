package org.lumbung.members;

/** Which national identity document a member's number is from. */
public enum NationalIdKind {
    /** None recorded (yet). */
    NONE,
    /** Indonesia's Nomor Induk Kependudukan: 16 digits, validated. */
    NIK,
    /** Another country's document (Cambodian, Lao or Thai ID, a passport): 4–32 letters and digits. */
    OTHER
}
