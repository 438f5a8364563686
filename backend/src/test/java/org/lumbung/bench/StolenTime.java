package org.lumbung.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The CPU time the hypervisor gave to other guests while this virtual machine wanted it ("steal" in
 * /proc/stat), as a share of all CPU time between two readings. A benchmark on a shared machine reports it
 * beside its figures: a floor that drops by a third within a run is the machine being taken, not the code.
 *
 * @param total all CPU time since boot, in clock ticks (0 where /proc/stat cannot be read)
 * @param stolen the part of it stolen
 */
record StolenTime(long total, long stolen) {

    private static final Path PROC_STAT = Path.of("/proc/stat");
    /** Fields of the "cpu" line: user nice system idle iowait irq softirq steal; steal is the eighth. */
    private static final int STEAL_FIELD = 8;

    static StolenTime now() {
        try {
            String[] cpu = Files.readAllLines(PROC_STAT).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i <= STEAL_FIELD && i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            return new StolenTime(total, cpu.length > STEAL_FIELD ? Long.parseLong(cpu[STEAL_FIELD]) : 0);
        } catch (IOException | RuntimeException unreadable) {
            return new StolenTime(0, 0);
        }
    }

    /** The percentage of CPU time stolen from this reading until now; negative where it cannot be known. */
    double percentSince() {
        StolenTime after = now();
        long elapsed = after.total - total;
        return total == 0 || elapsed <= 0 ? -1 : 100.0 * (after.stolen - stolen) / elapsed;
    }

    static String shown(double percent) {
        return percent < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f %%", percent);
    }
}
