package org.lumbung.sampledata;

import com.fasterxml.jackson.databind.JsonNode;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeProfile;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.cooperative.NewCooperative;
import org.lumbung.security.NewUser;
import org.lumbung.security.Role;
import org.lumbung.security.UserService;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** The sample cooperative with its profile (and so its chart), and the office's sign-ins. */
@Component
class CooperativeSample implements SampleDataContributor {

    private final CooperativeService cooperatives;
    private final UserService users;

    CooperativeSample(CooperativeService cooperatives, UserService users) {
        this.cooperatives = cooperatives;
        this.users = users;
    }

    @Override
    public int getOrder() {
        return 100;
    }

    @Override
    public void contribute(SampleData sample) {
        JsonNode c = sample.json().get("cooperative");
        Cooperative cooperative = cooperatives.create(new NewCooperative(c.get("code").asText(), c.get("name").asText(),
                c.get("village").asText(), c.get("district").asText(), c.get("province").asText(),
                c.get("country").asText(), c.get("baseCurrency").asText(), c.get("defaultLocale").asText(),
                c.get("timeZone").asText()));
        cooperatives.updateProfile(cooperative.id(), new CooperativeProfile(cooperative.name(), c.get("legalNumber").asText(),
                c.get("address").asText(), cooperative.village(), cooperative.district(), cooperative.province(),
                "0352-481234", "ksp.ngrupit@example.org", 1, cooperative.defaultLocale(), 31,
                sample.date(LocalDate.parse(c.get("foundedOn").asText()))));
        sample.founded(cooperative);
        String password = sample.json().get("demoPassword").asText();
        for (JsonNode u : sample.json().get("users")) {
            users.createDemo(new NewUser(u.get("username").asText(), u.get("fullName").asText(),
                    Role.valueOf(u.get("role").asText()), u.get("cooperative").asBoolean() ? cooperative.id() : null,
                    u.get("locale").asText(), u.hasNonNull("district") ? u.get("district").asText() : null), password);
        }
    }
}
