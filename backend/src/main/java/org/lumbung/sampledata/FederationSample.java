package org.lumbung.sampledata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.federation.Federation;
import org.lumbung.federation.Federations;
import org.lumbung.security.NewUser;
import org.lumbung.security.Role;
import org.lumbung.security.UserService;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The sample federation ({@code sample-data/federation.json}): a federation of migrants' cooperatives with the sample
 * cooperative as its member, and its demo sign-in, which reads the members' outcomes and statements.
 */
@Component
class FederationSample implements SampleDataContributor {

    private final Federations federations;
    private final CooperativeService cooperatives;
    private final UserService users;
    private final ObjectMapper json;

    FederationSample(Federations federations, CooperativeService cooperatives, UserService users, ObjectMapper json) {
        this.federations = federations;
        this.cooperatives = cooperatives;
        this.users = users;
        this.json = json;
    }

    /** Right after the cooperative is founded (100), before anything is booked. */
    @Override
    public int getOrder() {
        return 110;
    }

    @Override
    public void contribute(SampleData sample) {
        JsonNode f = read();
        Federation federation = federations.create(f.get("code").asText(), f.get("name").asText());
        for (JsonNode code : f.get("cooperatives")) {
            federations.assign(cooperatives.byCode(code.asText()).id(), Optional.of(federation.id()));
        }
        JsonNode u = f.get("user");
        users.createDemo(new NewUser(u.get("username").asText(), u.get("fullName").asText(), Role.FEDERATION, null,
                u.get("locale").asText(), null, federation.id()), sample.json().get("demoPassword").asText());
    }

    private JsonNode read() {
        try (InputStream in = SampleData.open("federation.json")) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
