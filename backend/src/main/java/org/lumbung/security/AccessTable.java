package org.lumbung.security;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that says which role may do what: every {@link Ability} of every feature (the enums
 * implementing it under {@code org.lumbung}), found on the class path at start. Service methods ask it
 * through {@code @PreAuthorize("@access.may('POST_ENTRY')")}, screens through their view annotation, the
 * menu and the access-matrix tests read it. The system itself ({@link SystemActor}) may do everything.
 */
@Component("access")
public class AccessTable {

    private static final String SYSTEM_AUTHORITY = "ROLE_SYSTEM";
    private static final AccessTable FROM_CLASS_PATH = new AccessTable(scan());

    private final Map<String, Ability> abilities;

    public AccessTable() {
        this(FROM_CLASS_PATH.abilities);
    }

    private AccessTable(Map<String, Ability> abilities) {
        this.abilities = abilities;
    }

    /** The table without a Spring context (tests, static checks). */
    public static AccessTable fromClassPath() {
        return FROM_CLASS_PATH;
    }

    private static Map<String, Ability> scan() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Ability.class));
        Map<String, Ability> found = new LinkedHashMap<>();
        scanner.findCandidateComponents("org.lumbung").stream().map(d -> d.getBeanClassName()).sorted().forEach(name -> {
            Class<?> type = ClassUtils.resolveClassName(name, AccessTable.class.getClassLoader());
            if (!type.isEnum()) {
                throw new IllegalStateException(name + " implements Ability but is not an enum: abilities are constants");
            }
            for (Object constant : type.getEnumConstants()) {
                Ability ability = (Ability) constant;
                Ability earlier = found.putIfAbsent(ability.name(), ability);
                if (earlier != null) {
                    throw new IllegalStateException("the ability " + ability.name() + " is declared twice: by "
                            + earlier.getClass().getName() + " and " + type.getName());
                }
            }
        });
        return Collections.unmodifiableMap(found);
    }

    /** Every ability of every feature, by name. */
    public Collection<Ability> abilities() {
        return abilities.values();
    }

    public Ability ability(String name) {
        Ability ability = abilities.get(name);
        if (ability == null) {
            throw new IllegalArgumentException("no feature declares the ability " + name);
        }
        return ability;
    }

    public Optional<Ability> find(String name) {
        return Optional.ofNullable(abilities.get(name));
    }

    public boolean allows(Role role, Ability ability) {
        return ability(ability.name()).roles().contains(role);
    }

    public boolean allows(Role role, String ability) {
        return ability(ability).roles().contains(role);
    }

    /**
     * For {@code @PreAuthorize}: whether the signed-in person (by their role's authority, ROLE_TREASURER …)
     * or the system has the ability.
     */
    public boolean may(String ability) {
        Ability row = ability(ability);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> SYSTEM_AUTHORITY.equals(a) || row.roles().stream().anyMatch(r -> r.authority().equals(a)));
    }
}
