package org.lumbung.ui.components;

import com.vaadin.flow.component.UI;
import org.lumbung.security.SystemActor;
import org.lumbung.security.UserService;

import java.util.HashMap;
import java.util.Map;

/**
 * Who recorded something, as a person reads it: the sign-in's full name ("Ibu Sri Wahyuni"), Lumbung itself for
 * the system's own work, the user name as it is for a sign-in that no longer exists (an API token's
 * "token:…"). Remembered per screen: a grid page asks for the same few people again and again.
 */
public class PersonNames {

    private final UserService users;
    private final Map<String, String> known = new HashMap<>();

    public PersonNames(UserService users) {
        this.users = users;
    }

    public String of(String username) {
        if (username == null) {
            return "";
        }
        if (SystemActor.NAME.equals(username)) {
            return UI.getCurrent() == null ? username : UI.getCurrent().getTranslation("person.system");
        }
        return known.computeIfAbsent(username, u -> users.displayName(u));
    }
}
