package org.lumbung.sampledata;

import com.fasterxml.jackson.databind.JsonNode;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.members.MemberSignIn;
import org.lumbung.members.MemberStatus;
import org.lumbung.members.MigrationSector;
import org.lumbung.members.NationalIdKind;
import org.lumbung.members.NewMember;
import org.lumbung.members.NewMigration;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The members of {@code members.csv} with their migration history — a first stay in {@code members.csv}, the stays of
 * those who went back abroad after joining in {@code migrations.csv} —; the demo member's PIN at the end.
 */
@Component
class MemberSample implements SampleDataContributor {

    /** The registered members, for the contributors after this one. */
    record Registered(List<Member> members) {
    }

    private final MemberService members;
    private final MemberSignIn signIn;

    MemberSample(MemberService members, MemberSignIn signIn) {
        this.members = members;
        this.signIn = signIn;
    }

    @Override
    public int getOrder() {
        return 200;
    }

    @Override
    public void contribute(SampleData sample) {
        long cooperativeId = sample.cooperative().id();
        List<Member> registered = new ArrayList<>();
        for (String[] m : SampleData.csv("members.csv")) {
            registered.add(register(sample, cooperativeId, m));
        }
        for (String[] stay : SampleData.csv("migrations.csv")) {
            int number = Integer.parseInt(stay[0]);
            addStay(sample, cooperativeId, registered.stream().filter(m -> m.memberNumber() == number).findFirst()
                    .orElseThrow(() -> new IllegalStateException("migrations.csv: no member " + number)), stay);
        }
        sample.share(Registered.class, new Registered(List.copyOf(registered)));
        JsonNode demo = sample.json().get("demoMember");
        sample.afterwards(() -> members.byNumber(cooperativeId, demo.get("memberNumber").asInt())
                .ifPresent(m -> signIn.setPin(cooperativeId, m.id(), demo.get("pin").asText())));
    }

    /** members.csv: full_name;gender;nik;birth_date;village;phone;joined_on;status;migration_country;sector;departed_on;returned_on */
    private Member register(SampleData sample, long cooperativeId, String[] m) {
        LocalDate joined = sample.date(LocalDate.parse(m[6]));
        Member member = members.register(cooperativeId, new NewMember(m[0], m[1], NationalIdKind.NIK, m[2], LocalDate.parse(m[3]),
                m[4], null, m[5], null, null, "id", joined, MemberStatus.valueOf(m[7])));
        if (!m[8].isEmpty()) {
            addStay(sample, cooperativeId, member, new String[] {null, m[8], m[9], m[10], m[11]});
        }
        return member;
    }

    /** A stay abroad: {@code [member, country, sector, departed_on, returned_on]} (migrations.csv; members.csv's last columns). */
    private void addStay(SampleData sample, long cooperativeId, Member member, String[] stay) {
        members.addMigration(cooperativeId, member.id(), new NewMigration(stay[1], MigrationSector.valueOf(stay[2]),
                sample.date(LocalDate.parse(stay[3])), stay[4].isEmpty() ? null : sample.date(LocalDate.parse(stay[4]))));
    }
}
