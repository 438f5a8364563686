package org.lumbung.sampledata;

import org.lumbung.loans.LoanPurpose;
import org.lumbung.members.Member;
import org.lumbung.members.MemberStatus;
import org.lumbung.sampledata.LoanSample.Behaviour;
import org.lumbung.sampledata.LoanSample.Plan;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The sample cooperative's everyday loan book, generated from the sample's seed (the same on every machine): most
 * members borrow for their business or household once they have saved for a few months — trade, farming and food
 * processing with the larger loans, housing over three years, school fees and health care with small ones —, from
 * one of the three loan officers; most repay on time and borrow again, a bigger loan, a few weeks after the last
 * instalment; a few stop paying. Dates as written in the files (moved like every other sample date).
 */
final class LoanBook {

    /** The loan officers: the treasurer and the two field officers of {@code cooperative.json}. */
    static final List<String> OFFICERS = List.of("treasurer", "rina", "joko");
    /** The last day a loan is disbursed on (the files' last day is 7 November 2026). */
    private static final LocalDate LAST_DISBURSED = LocalDate.of(2026, 11, 2);
    /** Who borrows: most members, a few never do. */
    private static final int BORROWS_PERCENT = 88;
    /** Who stops paying at some point: a small minority, late by one to ten months at the end. */
    private static final int STOPS_PERCENT = 6;

    /** A kind of loan: what it is for, the product, the range of amounts (millions) and of instalments, its weight. */
    private record Kind(LoanPurpose purpose, String product, int fromMillions, int toMillions, int[] terms, int weight,
                        List<String> inWords) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind(LoanPurpose.TRADE, "ANUITAS", 10, 35, new int[] {24, 36}, 14,
                    List.of("warung sembako", "toko kelontong", "dagang pakaian", "kios bangunan")),
            new Kind(LoanPurpose.TRADE, "POKOK", 2, 6, new int[] {12, 20, 26}, 10,
                    List.of("dagang sayur di pasar", "jualan gorengan", "kios pulsa", "dagang buah")),
            new Kind(LoanPurpose.FARMING, "ANUITAS", 15, 35, new int[] {24}, 8,
                    List.of("sapi perah", "sapi potong", "kolam lele")),
            new Kind(LoanPurpose.FARMING, "FLAT", 5, 15, new int[] {12, 18, 24}, 12,
                    List.of("bibit dan pupuk padi", "kambing", "ayam petelur", "traktor tangan")),
            new Kind(LoanPurpose.FOOD_PROCESSING, "ANUITAS", 10, 30, new int[] {24, 36}, 8,
                    List.of("usaha katering", "produksi keripik tempe", "bakery rumahan")),
            new Kind(LoanPurpose.FOOD_PROCESSING, "FLAT", 5, 15, new int[] {12, 18, 24}, 12,
                    List.of("produksi sambal pecel", "produksi krupuk", "produksi jamu")),
            new Kind(LoanPurpose.HOUSING, "ANUITAS", 20, 45, new int[] {36}, 12,
                    List.of("renovasi rumah", "perbaikan atap rumah", "membangun kamar mandi")),
            new Kind(LoanPurpose.EDUCATION, "FLAT", 3, 10, new int[] {12}, 10,
                    List.of("biaya kuliah anak", "uang masuk SMA", "kursus menjahit")),
            new Kind(LoanPurpose.HEALTH_CARE, "FLAT", 2, 8, new int[] {6, 12}, 8,
                    List.of("biaya operasi", "persalinan", "berobat ke rumah sakit")),
            new Kind(LoanPurpose.OTHER, "FLAT", 2, 10, new int[] {12}, 5,
                    List.of("motor untuk usaha", "biaya pernikahan anak")));

    private final Random random;
    private final LocalDate firstLoan;
    private final int totalWeight = KINDS.stream().mapToInt(Kind::weight).sum();

    LoanBook(long seed, LocalDate firstLoan) {
        this.random = new Random(seed);
        this.firstLoan = firstLoan;
    }

    /**
     * The loans of the members not in {@code taken} (who have their own story in {@link LoanSample#PLANS}); joined
     * dates are read as written ({@code shiftDays} moved them onto the timeline). Members who leave, are suspended or
     * still apply do not borrow.
     */
    List<Plan> plan(List<Member> members, Set<Integer> taken, Set<Integer> excluded, long shiftDays) {
        List<Plan> plans = new ArrayList<>();
        for (Member m : members) {
            if (m.status() == MemberStatus.APPLICANT || taken.contains(m.memberNumber()) || excluded.contains(m.memberNumber())
                    || random.nextDouble() * 100 >= BORROWS_PERCENT) {
                continue;
            }
            LocalDate joined = m.joinedOn().minusDays(shiftDays);
            LocalDate from = max(joined.plusMonths(3), firstLoan);
            if (!from.isBefore(LAST_DISBURSED)) {
                continue;
            }
            // most borrow within their first year: a power above one of a uniform draw leans to the span's start
            long span = Math.min(365, ChronoUnit.DAYS.between(from, LAST_DISBURSED));
            LocalDate disbursed = from.plusDays((long) (span * Math.pow(random.nextDouble(), 1.5)));
            borrow(plans, m.memberNumber(), disbursed, kind(), 1.0);
        }
        return plans;
    }

    /** One loan and, when it is repaid well before the end, the next, bigger one a few weeks after. */
    private void borrow(List<Plan> plans, int member, LocalDate disbursed, Kind kind, double growth) {
        int instalments = kind.terms()[random.nextInt(kind.terms().length)];
        long millions2 = Math.round((kind.fromMillions() + random.nextDouble() * (kind.toMillions() - kind.fromMillions())) * growth * 2);
        String amount = String.valueOf(Math.min(Math.max(2, millions2), 2L * LoanSample.maxMillions(kind.product())) * 500_000);
        // the field officers take most applications, the treasurer those who come to the office
        String officer = OFFICERS.get(random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(OFFICERS.size() - 1));
        LocalDate lastDue = LoanSample.lastDue(kind.product(), disbursed, instalments);
        int due = LoanSample.instalmentsDueBy(kind.product(), disbursed, LoanSample.LAST_DAY);
        boolean stops = due >= 2 && random.nextDouble() * 100 < STOPS_PERCENT;
        String words = kind.inWords().get(random.nextInt(kind.inWords().size()));
        if (stops) {
            // late by one to ten instalments at the end: some in every collectibility class
            int paid = Math.max(1, due - 1 - random.nextInt(Math.min(10, due)));
            plans.add(new Plan(member, kind.product(), amount, instalments, disbursed, Behaviour.STOPS, paid, kind.purpose(), words, officer));
            return;
        }
        plans.add(new Plan(member, kind.product(), amount, instalments, disbursed, Behaviour.REPAYS, 0, kind.purpose(), words, officer));
        LocalDate next = lastDue.plusDays(14 + random.nextInt(35));
        if (next.isBefore(LAST_DISBURSED)) {
            borrow(plans, member, next, random.nextInt(3) == 0 ? kind() : kind, Math.min(2.0, growth * 1.3));
        }
    }

    private Kind kind() {
        int draw = random.nextInt(totalWeight);
        for (Kind k : KINDS) {
            draw -= k.weight();
            if (draw < 0) {
                return k;
            }
        }
        throw new IllegalStateException("weights");
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
