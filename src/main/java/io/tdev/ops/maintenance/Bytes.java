package io.tdev.ops.maintenance;

import java.util.Locale;

/** Byte counts for people: 1.2 GB. */
final class Bytes {
    private Bytes() {
    }

    static String show(long bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
