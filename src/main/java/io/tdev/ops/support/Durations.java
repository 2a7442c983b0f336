package io.tdev.ops.support;

import java.time.Duration;

/** Durations as people read them in progress lines: {@code 45s}, {@code 1m30s}, {@code 15m}, {@code 2h5m}. */
public final class Durations {
    private Durations() {
    }

    public static String format(Duration d) {
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        long seconds = d.getSeconds();
        if (seconds == 0 && d.toMillis() > 0) {
            return d.toMillis() + "ms";
        }
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        StringBuilder b = new StringBuilder();
        if (h > 0) {
            b.append(h).append('h');
        }
        if (m > 0) {
            b.append(m).append('m');
        }
        if (s > 0 || b.length() == 0) {
            if (h == 0) {
                b.append(s).append('s');
            }
        }
        return b.toString();
    }
}
