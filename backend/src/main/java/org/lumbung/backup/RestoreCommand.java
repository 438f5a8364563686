package org.lumbung.backup;

import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code java -jar lumbung.jar --restore=/media/usb/lumbung-ksp-…zip}: restores the backup into this (empty)
 * installation and stops, exit code 0 when the restored chains and trial balances match the backup's, 1 with
 * the reason otherwise. Runs before the sample data loader, which then finds the installation no longer empty.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RestoreCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RestoreCommand.class);
    public static final String OPTION = "restore";

    private final BackupService backups;
    private final ApplicationContext context;

    public RestoreCommand(BackupService backups, ApplicationContext context) {
        this.backups = backups;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> values = args.getOptionValues(OPTION);
        if (values == null || values.isEmpty()) {
            return;
        }
        int exit = restore(Path.of(values.get(0)));
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> exit));
    }

    int restore(Path zip) {
        try {
            BackupManifest manifest = backups.restore(zip.toAbsolutePath());
            manifest.cooperatives().forEach(c -> log.info("restored {}: chain head {}, trial balance as of {} {}",
                    c.code(), c.head(), c.asOf(), c.trialBalance()));
            return 0;
        } catch (DomainException e) {
            log.error("restore of {} refused: {}", zip, Messages.of(e, Messages.ENGLISH));
            return 1;
        }
    }
}
