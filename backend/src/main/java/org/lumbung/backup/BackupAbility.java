package org.lumbung.backup;

import org.lumbung.security.Ability;
import org.lumbung.security.Role;
import org.lumbung.security.Roles;

import java.util.Set;

/**
 * The backups' row of the access table. Restoring needs no row: it is allowed only into an empty installation,
 * where nobody can sign in yet (the first-start page, from this machine, or the command line).
 */
public enum BackupAbility implements Ability {
    /** Back up now, choose the backup folder, the schedule and how many backups are kept. */
    MAKE_BACKUP(Roles.of(Role.ADMIN, Role.CHAIR, Role.TREASURER));

    private final Set<Role> roles;

    BackupAbility(Set<Role> roles) {
        this.roles = roles;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
