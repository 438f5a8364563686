package org.lumbung.ui.backup;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.lumbung.backup.BackupFile;
import org.lumbung.backup.BackupService;
import org.lumbung.backup.BackupSettings;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.components.TextLimit;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Backups of the whole installation: the folder they go to (a path on this computer, e.g. the USB stick's),
 * how often the scheduled backup runs and how many are kept; back up now; the backups in the folder, each with
 * its size, time and chain heads (write the head down: after a restore the chain must end there again).
 */
@Route("backup")
@RequiresAbility("MAKE_BACKUP")
@Menu(title = "nav.backup", order = 940, icon = "vaadin:harddrive")
@MenuGroup("nav.group.admin")
public class BackupView extends VerticalLayout implements HasDynamicTitle {

    private final BackupService backups;
    private final ZoneId zone;
    private final TextField folder = new TextField();
    private final IntegerField interval = new IntegerField();
    private final IntegerField keep = new IntegerField();
    private final Paragraph last = new Paragraph();
    private final Grid<BackupFile> list = new Grid<>();

    public BackupView(BackupService backups, CurrentCooperative cooperatives) {
        this.backups = backups;
        this.zone = cooperatives.get().map(Cooperative::zone).orElse(ZoneOffset.UTC);
        folder.setId("backup-folder");
        folder.setLabel(getTranslation("backup.folder"));
        folder.setHelperText(getTranslation("backup.folder.help"));
        folder.setWidthFull();
        TextLimit.limit(folder, BackupSettings.MAX_FOLDER);
        interval.setId("backup-interval");
        interval.setLabel(getTranslation("backup.interval"));
        interval.setMin(BackupSettings.MIN_INTERVAL_HOURS);
        interval.setMax(BackupSettings.MAX_INTERVAL_HOURS);
        interval.setStepButtonsVisible(true);
        keep.setId("backup-keep");
        keep.setLabel(getTranslation("backup.keep"));
        keep.setMin(BackupSettings.MIN_KEEP);
        keep.setMax(BackupSettings.MAX_KEEP);
        keep.setStepButtonsVisible(true);
        Button save = new Button(getTranslation("backup.save"), e -> save());
        save.setId("backup-save");
        Button now = new Button(getTranslation("backup.now"), VaadinIcon.DOWNLOAD.create(), e -> backUpNow());
        now.setId("backup-now");
        now.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        last.setId("backup-last");
        list.setId("backup-list");
        list.addColumn(BackupFile::name).setHeader(getTranslation("backup.list.name")).setAutoWidth(true);
        list.addColumn(f -> Formats.dateTime(f.takenAt(), zone, getLocale())).setHeader(getTranslation("backup.list.time"))
                .setAutoWidth(true);
        list.addColumn(f -> Formats.number(Math.max(1, f.sizeBytes() / 1024), getLocale()) + " KB")
                .setHeader(getTranslation("backup.list.size")).setAutoWidth(true);
        list.addColumn(f -> String.join("; ", f.heads())).setHeader(getTranslation("backup.list.heads")).setFlexGrow(1);
        list.setAllRowsVisible(true);
        FormLayout form = new FormLayout(folder, interval, keep);
        form.setColspan(folder, 2);
        add(new H2(getTranslation("nav.backup")), new Paragraph(getTranslation("backup.intro")), form,
                new HorizontalLayout(save, now), last, new H3(getTranslation("backup.list")), list,
                new Paragraph(getTranslation("backup.restore.how")));
        show(backups.settings());
        refresh();
    }

    private void show(BackupSettings settings) {
        folder.setValue(settings.folder());
        interval.setValue(settings.intervalHours());
        keep.setValue(settings.keepCount());
    }

    private void save() {
        if (!TextLimit.check(folder, BackupSettings.MAX_FOLDER)) {
            return;
        }
        try {
            show(backups.saveSettings(new BackupSettings(folder.getValue(), valueOf(interval), valueOf(keep))));
            folder.setInvalid(false);
            Notifications.success(getTranslation("backup.saved"));
            refresh();
        } catch (DomainException e) {
            if (e.messageKey().startsWith("backup.folder")) {
                folder.setInvalid(true);
                folder.setErrorMessage(Messages.of(e, getLocale()));
            }
            Notifications.refused(e);
        }
    }

    /** An empty or unparsable number is 0, which the service refuses with the allowed range. */
    private static int valueOf(IntegerField field) {
        Integer value = field.getValue();
        return value == null ? 0 : value;
    }

    private void backUpNow() {
        try {
            BackupFile file = backups.backUpNow();
            Notifications.success(getTranslation("backup.done", file.name(), String.join("; ", file.heads())));
            refresh();
        } catch (DomainException e) {
            Notifications.refused(e);
        }
    }

    private void refresh() {
        last.setText(backups.lastBackup().map(at -> getTranslation("backup.last", Formats.dateTime(at, zone, getLocale())))
                .orElseGet(() -> getTranslation("backup.last.none")));
        list.setItems(backups.list());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.backup") + " — Lumbung";
    }
}
