package org.lumbung.backup;

/**
 * Where backups go and how often: the folder (an absolute path on this computer, e.g. a USB stick's mount),
 * the hours between scheduled backups and how many backups the folder keeps (older ones are deleted).
 */
public record BackupSettings(String folder, int intervalHours, int keepCount) {

    public static final int MAX_FOLDER = 500;
    public static final int MIN_INTERVAL_HOURS = 1;
    public static final int MAX_INTERVAL_HOURS = 720;
    public static final int MIN_KEEP = 1;
    public static final int MAX_KEEP = 100;
    public static final int DEFAULT_INTERVAL_HOURS = 24;
    public static final int DEFAULT_KEEP = 10;
}
