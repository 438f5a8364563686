package org.lumbung.ui;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.platform.DomainException;
import org.lumbung.security.Ability;
import org.lumbung.security.AccessPolicy;
import org.lumbung.security.UserAccount;

import java.util.List;
import java.util.Optional;

/**
 * The cooperative this browser session works on: a treasurer's own; an administrator or district
 * auditor picks one in the header (the first by code until they do).
 */
@SpringComponent
public class CurrentCooperative {

    private static final String ATTRIBUTE = "lumbung.cooperative";

    private final CooperativeService cooperatives;
    private final AccessPolicy access;

    public CurrentCooperative(CooperativeService cooperatives, AccessPolicy access) {
        this.cooperatives = cooperatives;
        this.access = access;
    }

    public Optional<Cooperative> get() {
        UserAccount user = access.requireUser();
        if (user.cooperativeId() != null && !user.role().spansCooperatives()) {
            return Optional.of(cooperatives.byId(user.cooperativeId()));
        }
        Long chosen = (Long) VaadinSession.getCurrent().getAttribute(ATTRIBUTE);
        if (chosen != null) {
            return Optional.of(cooperatives.byId(chosen));
        }
        if (user.cooperativeId() != null) {
            return Optional.of(cooperatives.byId(user.cooperativeId()));
        }
        return cooperatives.list().stream().findFirst();
    }

    public Cooperative require() {
        return get().orElseThrow(() -> DomainException.notFound("cooperative.not-found", "-"));
    }

    /** The cooperatives the person may switch between; one for people of one cooperative. */
    public List<Cooperative> choices() {
        UserAccount user = access.requireUser();
        return user.role().spansCooperatives() ? cooperatives.list() : get().stream().toList();
    }

    public void choose(Cooperative cooperative) {
        access.requireRead(cooperative.id());
        VaadinSession.getCurrent().setAttribute(ATTRIBUTE, cooperative.id());
    }

    public UserAccount user() {
        return access.requireUser();
    }

    /** Whether the person's role has the ability (what a screen offers them); the services check again. */
    public boolean may(Ability ability) {
        return access.may(ability);
    }
}
