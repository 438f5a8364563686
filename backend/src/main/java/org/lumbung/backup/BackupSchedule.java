package org.lumbung.backup;

import org.lumbung.cooperative.CooperativeService;
import org.lumbung.platform.DomainException;
import org.lumbung.security.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The scheduled backup: every quarter of an hour it looks whether the chosen interval has passed since the last
 * backup and, if so, backs up as the system (a laptop that slept through the hour backs up when it wakes).
 * An empty installation has nothing to back up. Off with {@code lumbung.backups.schedule.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "lumbung.backups.schedule.enabled", havingValue = "true", matchIfMissing = true)
public class BackupSchedule {

    private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);

    private final BackupService backups;
    private final CooperativeService cooperatives;

    public BackupSchedule(BackupService backups, CooperativeService cooperatives) {
        this.backups = backups;
        this.cooperatives = cooperatives;
    }

    @Scheduled(initialDelayString = "${lumbung.backups.schedule.initial-delay:PT10M}",
            fixedDelayString = "${lumbung.backups.schedule.check:PT15M}")
    public void backUpWhenDue() {
        SystemActor.run(() -> {
            if (cooperatives.count() > 0 && backups.due()) {
                try {
                    backups.backUpNow();
                } catch (DomainException e) {
                    // already logged and audited by the service; the next check tries again
                    log.warn("scheduled backup not written: {}", e.messageKey());
                }
            }
            return null;
        });
    }
}
